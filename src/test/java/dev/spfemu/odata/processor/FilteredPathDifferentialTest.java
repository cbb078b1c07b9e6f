package dev.spfemu.odata.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spfemu.error.ServiceException;
import dev.spfemu.odata.edm.VmmEdm;
import dev.spfemu.odata.query.CompiledFilters;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast path for an entity set filtered by GUID equalities against Olingo's parser: where the fast
 * path answers, Olingo gives the same target and the same compiled filter; everything else is left to
 * Olingo, including what Olingo refuses.
 */
class FilteredPathDifferentialTest {

  private static final String VM = "f11b61fa-b5c7-4807-93b4-f9b371896c6f";
  private static final String STAMP = "d70c1a9b-c241-48f5-880a-b6c36071e653";
  private static final String STAMP_UPPER = "D70C1A9B-C241-48F5-880A-B6C36071E653";

  private final VmmEdm edm = VmmEdm.loadDefault();
  private final ODataUriParser parser = new ODataUriParser(edm.edm(), edm.model(), RequestLimits.DEFAULTS);
  private final CanonicalPathParser fast = new CanonicalPathParser(edm.model());

  @ParameterizedTest
  @ValueSource(strings = {
      "VMId eq guid'" + VM + "'",
      "StampId eq guid'" + STAMP_UPPER + "'",
      "VMId eq guid'" + VM + "' and StampId eq guid'" + STAMP + "'",
      "StampId eq guid'" + STAMP + "' and VMId eq guid'" + VM + "' and ID eq guid'" + VM + "'",
      "VMId eq guid'" + VM + "' and VMId eq guid'" + STAMP + "'",
      "StampId eq guid'" + STAMP + "' and VMId  eq guid'" + VM + "'",
      "VMId   eq   guid'" + VM + "'",
      "Name eq 'cp1'",
      "Name eq ''",
      "Name eq 'é-ü_€' and StampId eq guid'" + STAMP + "'",
      "Name eq '" + VM + "'"})
  void answersAsOlingoDoes(String filter) {
    for (String path : List.of("VMCheckPoints", "VMCheckPoints()")) {
      ResourceTarget quick = fast.parseFiltered(path, filter, List.of("$filter=x"));
      assertNotNull(quick, filter);
      ResourceTarget olingo = olingo(path, filter);
      assertEquals(olingo.kind(), quick.kind());
      assertEquals(olingo.type(), quick.type());
      assertNull(quick.key());
      assertNull(quick.navigation());
      assertEquals(CompiledFilters.filterOf(olingo.query().expressions()),
          CompiledFilters.filterOf(quick.query().expressions()), filter);
      assertEquals(olingo.query().expressions().filterEqualities(), quick.query().expressions().filterEqualities());
      assertEquals(olingo.query().expressions().hasFilter(), quick.query().expressions().hasFilter());
      assertEquals(olingo.query().select(), quick.query().select());
      assertEquals(List.of("$filter=x"), quick.query().nextLinkPairs());
      assertNull(quick.query().top());
      assertNull(quick.query().skip());
      assertNull(quick.query().skipToken());
      assertEquals(olingo.query().inlineCount(), quick.query().inlineCount());
    }
  }

  @Test
  void theParserTakesTheFastPathOnlyForAFilterAlone() {
    String filter = "VMId eq guid'" + VM + "'";
    ResourceTarget alone = parser.parse("VMCheckPoints", QueryOptions.parse("$filter=" + encode(filter)));
    assertEquals(List.of("$filter=" + encode(filter)), alone.query().nextLinkPairs());
    assertEquals(CompiledFilters.filterOf(olingo("VMCheckPoints", filter).query().expressions()),
        CompiledFilters.filterOf(alone.query().expressions()));
    // the same filter beside $top goes to Olingo, which keeps the $top
    ResourceTarget withTop = parser.parse("VMCheckPoints", QueryOptions.parse("$filter=" + encode(filter) + "&$top=3"));
    assertEquals(3, withTop.query().top());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "VMId eq guid'nope'",
      "Name eq guid'" + VM + "'",
      "Name eq 'it''s'",
      "Name eq 'guid'" + VM + "''",
      "Name eq 'my cp'",
      "Name eq 'x",
      "Name eq x'",
      "VMId eq 'x'",
      "Enabled eq 'true'",
      "NoSuchProperty eq guid'" + VM + "'",
      "VMId eq Guid'" + VM + "'",
      "VMId eq guid'{" + VM + "}'",
      "VMId eq guid%27" + VM + "%27",
      "VMId eq '" + VM + "'",
      " VMId eq guid'" + VM + "'",
      "VMId eq guid'" + VM + "' ",
      "VMId Eq guid'" + VM + "'",
      "VMId ne guid'" + VM + "'",
      "guid'" + VM + "' eq VMId",
      "VMId eq guid'" + VM + "' or StampId eq guid'" + STAMP + "'",
      "VMId eq guid'" + VM + "' and",
      "VMId eq guid'" + VM + "' And StampId eq guid'" + STAMP + "'",
      "(VMId eq guid'" + VM + "')",
      "VMId eq null",
      "Enabled eq true",
      ""})
  void leavesEverythingElseToOlingo(String filter) {
    assertNull(fast.parseFiltered("VMCheckPoints", filter, List.of()), filter);
  }

  @ParameterizedTest
  @ValueSource(strings = {"VMCheckPoints(ID=guid'" + VM + "',StampId=guid'" + STAMP + "')", "VMCheckpoints",
      "VMCheckPoints/$count", "VMCheckPoints(ID=guid'" + VM + "',StampId=guid'" + STAMP + "')/Name"})
  void andEveryOtherPath(String path) {
    assertNull(fast.parseFiltered(path, "VMId eq guid'" + VM + "'", List.of()), path);
  }

  @ParameterizedTest
  @ValueSource(strings = {"VMId eq guid'nope'", "Name eq guid'" + VM + "'", "NoSuchProperty eq guid'" + VM + "'",
      "VMId eq guid%27" + VM + "%27"})
  void whichRefusesWhatIsWrong(String filter) {
    assertThrows(ServiceException.class, () -> {
      ResourceTarget target = parser.parse("VMCheckPoints", QueryOptions.parse("$filter=" + encode(filter)));
      CompiledFilters.filterOf(target.query().expressions()); // compile errors surface when the filter is used
    });
  }

  private ResourceTarget olingo(String path, String filter) {
    // a second option keeps the parser from taking the fast path
    return parser.parse(path, QueryOptions.parse("$filter=" + encode(filter) + "&custom=1"));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
