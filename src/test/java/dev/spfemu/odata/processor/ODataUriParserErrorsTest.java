package dev.spfemu.odata.processor;

import static dev.spfemu.odata.processor.OlingoFakes.fake;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.error.ServiceException;
import dev.spfemu.odata.edm.VmmEdm;
import dev.spfemu.odata.query.FilterLiterals;
import java.util.List;
import java.util.Map;
import org.apache.olingo.odata2.api.edm.EdmEntitySet;
import org.apache.olingo.odata2.api.edm.EdmException;
import org.apache.olingo.odata2.api.edm.EdmNavigationProperty;
import org.apache.olingo.odata2.api.edm.EdmProperty;
import org.apache.olingo.odata2.api.uri.KeyPredicate;
import org.apache.olingo.odata2.api.uri.NavigationSegment;
import org.apache.olingo.odata2.api.uri.UriInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every error {@link ODataUriParser#parse} can report, with its status and code: those real URIs
 * cause, and those only a broken EDM could (through parses faked with {@link OlingoFakes}).
 */
class ODataUriParserErrorsTest {

  private static final String ID = "831e819f-f852-47a8-b4b0-c61ba062df73";
  private static final String STAMP = "d70c1a9b-c241-48f5-880a-b6c36071e653";

  private final VmmEdm edm = VmmEdm.loadDefault();
  private final ODataUriParser parser = new ODataUriParser(edm.edm(), edm.model(), RequestLimits.DEFAULTS);

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Nope | | 404 | ResourceNotFound",
      "Nope | $top=1 | 404 | ResourceNotFound",
      "VMCheckPoints(ID=guid'" + ID + "',StampId=guid'" + STAMP + "')/Colour | | 404 | ResourceNotFound",
      "VMCheckPoints | $select=Colour | 400 | InvalidQuery",
      "VMCheckPoints | $top=-1 | 400 | InvalidUri",
      "VMCheckPoints(ID=guid'nope',StampId=guid'" + STAMP + "') | | 400 | InvalidUri",
      "VMCheckPoints | $filter=AddedTime%20eq%20datetime'2020-13-01T00:00:00' | 400 | InvalidUri"})
  void realUrisThatAreWrong(String path, String query, int status, String code) {
    ServiceException e = assertThrows(ServiceException.class, () -> parser.parse(path, QueryOptions.parse(query)));
    assertEquals(status, e.status(), e.getMessage());
    assertEquals(code, e.code());
  }

  @Test
  void anEntitySetWithoutAName() {
    UriInfo uri = fake(UriInfo.class, Map.of("getTargetEntitySet", unnamed(EdmEntitySet.class)));
    ServiceException e = fails(ResourceTarget.Kind.ENTITY_SET, uri);
    assertEquals("The entity set cannot be resolved.", e.getMessage());
  }

  @Test
  void aPropertyWithoutAName() {
    UriInfo uri = fake(UriInfo.class, Map.of("getTargetEntitySet", checkpoints(),
        "getPropertyPath", List.of(unnamed(EdmProperty.class))));
    ServiceException e = fails(ResourceTarget.Kind.PROPERTY, uri);
    assertEquals("The property cannot be resolved.", e.getMessage());
  }

  @Test
  void aKeyPropertyWithoutAName() {
    KeyPredicate predicate = fake(KeyPredicate.class, Map.of("getProperty", unnamed(EdmProperty.class),
        "getLiteral", ID));
    UriInfo uri = fake(UriInfo.class, Map.of("getTargetEntitySet", checkpoints(), "getKeyPredicates",
        List.of(predicate), "getNavigationSegments", List.of()));
    ServiceException e = fails(ResourceTarget.Kind.ENTITY, uri);
    assertTrue(e.getMessage().startsWith("The key predicate is not valid: "), e.getMessage());
  }

  @Test
  void aKeyLiteralTheCodecRefuses() {
    KeyPredicate predicate = fake(KeyPredicate.class, Map.of("getProperty",
        fake(EdmProperty.class, Map.of("getName", "ID")), "getLiteral", "not-a-guid"));
    UriInfo uri = fake(UriInfo.class, Map.of("getTargetEntitySet", checkpoints(), "getKeyPredicates",
        List.of(predicate), "getNavigationSegments", List.of()));
    ServiceException e = fails(ResourceTarget.Kind.ENTITY, uri);
    assertTrue(e.getMessage().startsWith("The key predicate is not valid: "), e.getMessage());
    assertTrue(e.getMessage().contains("not-a-guid"), e.getMessage());
  }

  @Test
  void aNavigationPropertyWithoutAName() {
    NavigationSegment segment = fake(NavigationSegment.class, Map.of("getNavigationProperty",
        unnamed(EdmNavigationProperty.class)));
    UriInfo uri = fake(UriInfo.class, Map.of("getTargetEntitySet", checkpoints(), "getStartEntitySet",
        fake(EdmEntitySet.class, Map.of("getName", "VirtualMachines")), "getNavigationSegments", List.of(segment)));
    ServiceException e = fails(ResourceTarget.Kind.ENTITY_SET, uri);
    assertEquals("The navigation property cannot be resolved.", e.getMessage());
  }

  private ServiceException fails(ResourceTarget.Kind kind, UriInfo uri) {
    ServiceException e = assertThrows(ServiceException.class,
        () -> parser.target(new OlingoUriParser.Parsed(kind, uri), new FilterLiterals(), QueryOptions.parse(null)));
    assertEquals(400, e.status());
    assertEquals("InvalidUri", e.code());
    return e;
  }

  private static EdmEntitySet checkpoints() {
    return fake(EdmEntitySet.class, Map.of("getName", "VMCheckPoints"));
  }

  private static <T> T unnamed(Class<T> type) {
    return fake(type, Map.of("getName", new EdmException(EdmException.COMMON)));
  }
}
