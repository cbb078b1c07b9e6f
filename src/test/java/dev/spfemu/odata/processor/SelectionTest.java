package dev.spfemu.odata.processor;

import static dev.spfemu.odata.processor.OlingoFakes.fake;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.error.ServiceException;
import dev.spfemu.format.Projection;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.odata.edm.VmmEdm;
import java.util.List;
import java.util.Map;
import org.apache.olingo.odata2.api.edm.EdmException;
import org.apache.olingo.odata2.api.edm.EdmNavigationProperty;
import org.apache.olingo.odata2.api.edm.EdmProperty;
import org.apache.olingo.odata2.api.uri.NavigationPropertySegment;
import org.apache.olingo.odata2.api.uri.SelectItem;
import org.junit.jupiter.api.Test;

/** {@code $select} from Olingo's items to a projection, and the errors it keeps for later. */
class SelectionTest {

  private final EntityTypeModel type = VmmEdm.loadDefault().model().byEntitySet("VMCheckPoints");

  private static SelectItem property(Object name) {
    return fake(SelectItem.class, Map.of("isStar", false, "getNavigationPropertySegments", List.of(),
        "getProperty", fake(EdmProperty.class, Map.of("getName", name))));
  }

  private static final SelectItem STAR = fake(SelectItem.class, Map.of("isStar", true,
      "getNavigationPropertySegments", List.of()));

  private static final SelectItem BROKEN_NAVIGATION = fake(SelectItem.class, Map.of("isStar", false,
      "getNavigationPropertySegments", List.of(fake(NavigationPropertySegment.class, Map.of("getNavigationProperty",
          fake(EdmNavigationProperty.class, Map.of("getName", new EdmException(EdmException.COMMON))))))));

  @Test
  void noSelectAndStarAreEverything() {
    assertSame(Projection.ALL, Selection.of(type, null, null).projection());
    assertSame(Projection.ALL, Selection.of(type, List.of(), "").projection());
    assertSame(Projection.ALL, Selection.of(type, List.of(property("Name"), STAR), "Name,*").projection());
  }

  @Test
  void namedPropertiesAndTheClauseAsWritten() {
    Projection projection = Selection.of(type, List.of(property("Name"), property("ID")), "Name,ID").projection();
    assertTrue(projection.isPartial());
    assertTrue(projection.includes(type.property("Name")));
    assertFalse(projection.includes(type.property("VMId")));
    assertEquals("Name,ID", projection.clause());
  }

  @Test
  void aNavigationPropertyWithoutANameIsRefusedWhenTheResponseIsShaped() {
    Selection selection = Selection.of(type, List.of(BROKEN_NAVIGATION), "Nav");
    ServiceException e = assertThrows(ServiceException.class, selection::projection);
    assertEquals(400, e.status());
    assertEquals("InvalidQuery", e.code());
    assertEquals("$select names a property that cannot be resolved.", e.getMessage());
  }

  @Test
  void aPropertyWithoutANameIsRefusedWhenTheResponseIsShaped() {
    Selection selection = Selection.of(type, List.of(property(new EdmException(EdmException.COMMON))), "X");
    ServiceException e = assertThrows(ServiceException.class, selection::projection);
    assertEquals(400, e.status());
    assertEquals("InvalidQuery", e.code());
    assertEquals("$select names a property that cannot be resolved.", e.getMessage());
  }
}
