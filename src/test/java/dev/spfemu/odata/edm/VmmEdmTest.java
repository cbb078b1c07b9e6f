package dev.spfemu.odata.edm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.model.ModelLoader;
import dev.spfemu.model.ServiceModel;
import org.apache.olingo.odata2.api.edm.EdmException;
import org.junit.jupiter.api.Test;

/** The Olingo half built on a thread of its own is the one built in place, and waiting for it keeps an interrupt. */
class VmmEdmTest {

  private final ServiceModel model = ModelLoader.loadDefault();

  @Test
  void builtInTheBackgroundItIsTheSameEdmAndMetadata() throws EdmException {
    VmmEdm inPlace = new VmmEdm(model);
    VmmEdm background = VmmEdm.inBackground(model);
    assertSame(model, background.model(), "our model is there at once");
    assertArrayEquals(inPlace.metadataDocument(), background.metadataDocument());
    assertEquals(inPlace.edm().getEntitySets().size(), background.edm().getEntitySets().size());
    assertEquals("VMCheckPoints",
        background.edm().getDefaultEntityContainer().getEntitySet("VMCheckPoints").getName());
  }

  @Test
  void anInterruptedWaitStillGetsTheEdmAndKeepsTheInterrupt() throws Exception {
    VmmEdm background = VmmEdm.inBackground(model);
    Thread.currentThread().interrupt();
    try {
      assertEquals(model.entityTypes().size(), background.edm().getEntitySets().size());
      assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
    } finally {
      Thread.interrupted(); // clear it for the next test
    }
  }
}
