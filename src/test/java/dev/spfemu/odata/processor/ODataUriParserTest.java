package dev.spfemu.odata.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ODataUriParserTest {

  private static final String X = "00000000-0000-0000-0000-000000000000";
  private static final String Y = "d70c1a9b-c241-48f5-880a-b6c36071e653";

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "VMCheckPoints(ID=Guid'" + X + "',StampId=GUID'" + Y + "') | VMCheckPoints(ID=guid'" + X + "',StampId=guid'" + Y + "')",
      "VMCheckPoints(ID=guid'{" + X + "}',StampId=guid'" + Y + "') | VMCheckPoints(ID=guid'" + X + "',StampId=guid'" + Y + "')",
      "VMCheckPoints(ID=Guid'{" + X + "}',StampId=GUID'{" + Y + "}') | VMCheckPoints(ID=guid'" + X + "',StampId=guid'" + Y + "')",
      "VMCheckPoints(ID=guid%27%7B" + X + "%7D%27,StampId=guid%27" + Y + "%27) | VMCheckPoints(ID=guid%27" + X + "%27,StampId=guid%27" + Y + "%27)",
      "VMCheckPoints(ID=guid%27%7b" + X + "%7d%27) | VMCheckPoints(ID=guid%27" + X + "%27)",
      "VMCheckPoints(Guid'" + X + "') | VMCheckPoints(guid'" + X + "')",
      "Things(When=DateTime'2014-08-28T14:19:48') | Things(When=datetime'2014-08-28T14:19:48')"})
  void normalizesTypedKeyLiterals(String segment, String expected) {
    assertEquals(expected, ODataUriParser.normalizeKeys(segment));
  }

  @ParameterizedTest
  @ValueSource(strings = {"VMCheckPoints", "$metadata", "VMCheckPoints('a')"})
  void returnsSegmentsThatNeedNothingAsTheyAre(String segment) {
    assertSame(segment, ODataUriParser.normalizeKeys(segment));
  }

  @Test
  void leavesAlreadyNormalKeysUnchanged() {
    String segment = "VMCheckPoints(ID=guid'" + X + "',StampId=guid'" + Y + "')";

    assertSame(segment, ODataUriParser.normalizeKeys(segment));
    String encoded = "VMCheckPoints(ID=guid%27" + X + "%27,StampId=guid%27" + Y + "%27)";
    assertSame(encoded, ODataUriParser.normalizeKeys(encoded));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Things(Name='a}')", "Things(Name='a%7D%27)", "Things(Name='{b}')"})
  void leavesBracesInStringKeysAlone(String segment) {
    assertEquals(segment, ODataUriParser.normalizeKeys(segment));
  }
}
