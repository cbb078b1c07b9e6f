package dev.spfemu.vmm.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A VM's place is a map key: its written-out equals and hashCode agree with a record's. */
class VmCountingPlaceTest {

  private static final UUID CLOUD = UUID.fromString("5e1e1e1e-0000-4000-8000-000000000001");
  private static final UUID STAMP = UUID.fromString("5e1e1e1e-0000-4000-8000-000000000002");
  private static final UUID ROLE = UUID.fromString("5e1e1e1e-0000-4000-8000-000000000003");

  @Test
  void equalComponentsMakeEqualPlacesWithEqualHashes() {
    VmCounting.Place a = new VmCounting.Place(CLOUD, STAMP, ROLE);
    VmCounting.Place b = new VmCounting.Place(UUID.fromString(CLOUD.toString()), STAMP, ROLE);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(new VmCounting.Place(CLOUD, STAMP, null), new VmCounting.Place(CLOUD, STAMP, null));
    assertEquals(new VmCounting.Place(CLOUD, STAMP, null).hashCode(),
        new VmCounting.Place(CLOUD, STAMP, null).hashCode());
  }

  @Test
  void anyDifferingComponentMakesThemDiffer() {
    VmCounting.Place base = new VmCounting.Place(CLOUD, STAMP, ROLE);
    assertNotEquals(base, new VmCounting.Place(ROLE, STAMP, ROLE));
    assertNotEquals(base, new VmCounting.Place(CLOUD, CLOUD, ROLE));
    assertNotEquals(base, new VmCounting.Place(CLOUD, STAMP, null));
    assertNotEquals(base, new VmCounting.Place(null, STAMP, ROLE));
    assertNotEquals(base, null);
  }
}
