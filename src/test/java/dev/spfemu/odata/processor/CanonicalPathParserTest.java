package dev.spfemu.odata.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spfemu.error.ServiceException;
import dev.spfemu.odata.edm.VmmEdm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast path against Olingo's parser: where the fast path answers, Olingo must give the same
 * target; where Olingo refuses a path, the fast path must not answer.
 */
class CanonicalPathParserTest {

  private static final String ID = "831e819f-f852-47a8-b4b0-c61ba062df73";
  private static final String ID_UPPER = "831E819F-F852-47A8-B4B0-C61BA062DF73";
  private static final String ID_FULLWIDTH = "\uFF1031e819f-f852-47a8-b4b0-c61ba062df73";
  private static final String STAMP = "d70c1a9b-c241-48f5-880a-b6c36071e653";

  private final VmmEdm edm = VmmEdm.loadDefault();
  private final CanonicalPathParser fast = new CanonicalPathParser(edm.model());
  private final ODataUriParser full = new ODataUriParser(edm.edm(), edm.model(), RequestLimits.DEFAULTS);

  @ParameterizedTest
  @ValueSource(strings = {
      "VMCheckPoints",
      "VMCheckPoints()",
      "VMCheckPoints(ID=guid'" + ID + "',StampId=guid'" + STAMP + "')",
      "VMCheckPoints(StampId=guid'" + STAMP + "',ID=guid'" + ID + "')",
      "VMCheckPoints(ID=guid%27" + ID + "%27,StampId=guid%27" + STAMP + "%27)",
      "VMCheckPoints(ID=guid'" + ID_UPPER + "',StampId=guid'" + STAMP + "')"})
  void answersLikeOlingo(String path) {
    ResourceTarget quick = fast.parse(path, ParsedQuery.NONE);
    assertNotNull(quick, path);
    ResourceTarget olingo = olingo(path);
    assertEquals(olingo.kind(), quick.kind());
    assertEquals(olingo.type(), quick.type());
    assertEquals(olingo.key(), quick.key());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "VMCheckPoints(ID=guid'" + ID + "')",
      "VMCheckPoints(ID=guid'" + ID + "',ID=guid'" + ID + "')",
      "VMCheckPoints(ID=guid'" + ID + "',StampId=guid'" + STAMP + "',ID=guid'" + ID + "')",
      "VMCheckPoints(ID=guid'nope',StampId=guid'" + STAMP + "')",
      "VMCheckPoints(ID='" + ID + "',StampId=guid'" + STAMP + "')",
      "VMCheckPoints(Name=guid'" + ID + "',StampId=guid'" + STAMP + "')",
      "VMCheckPoints(ID=guid'" + ID + "',StampId=guid'" + STAMP + "'",
      "VMCheckPoints(ID=guid'" + ID + "',StampId=guid'" + STAMP + "',)",
      "VMCheckPoints(guid'" + ID + "')",
      "VMCheckPoints(ID=guid'" + ID + "%27,StampId=guid'" + STAMP + "')",
      "VMCheckPoints(ID=guid'" + ID_FULLWIDTH + "',StampId=guid'" + STAMP + "')",
      "VMCheckPoints(ID=guid'" + ID + "',StampId=guid'" + STAMP + "')/Name",
      "VMCheckPoints(ID=guid'" + ID + "',StampId=guid'" + STAMP + "')x",
      "VMCheckPoints(x)",
      "VMCheckPoints(",
      "VMCheckpoints"})
  void leavesEverythingElseToOlingo(String path) {
    assertNull(fast.parse(path, ParsedQuery.NONE), path);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "VMCheckPoints(ID=guid'" + ID + "')",
      "VMCheckPoints(ID=guid'nope',StampId=guid'" + STAMP + "')",
      "VMCheckPoints(ID='" + ID + "',StampId=guid'" + STAMP + "')",
      "VMCheckpoints"})
  void andOlingoRefusesWhatIsWrong(String path) {
    assertThrows(ServiceException.class, () -> olingo(path));
  }

  private ResourceTarget olingo(String path) {
    // options that are not empty keep the full parser from taking the fast path
    return full.parse(path, QueryOptions.parse("custom=1"));
  }
}
