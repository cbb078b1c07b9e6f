package dev.spfemu.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ResponseFormatTest {

  @Test
  void jsonLightUsesRealSpfsSpelling() {
    assertEquals("application/json; odata=minimalmetadata; streaming=true; charset=utf-8",
        ResponseFormat.LIGHT_MINIMAL.contentType(PayloadKind.ENTRY));
    assertEquals("application/json; odata=fullmetadata; streaming=true; charset=utf-8",
        ResponseFormat.light(MetadataLevel.FULL).contentType(PayloadKind.FEED));
    assertEquals("application/json; odata=nometadata; streaming=true; charset=utf-8",
        ResponseFormat.light(MetadataLevel.NONE).contentType(PayloadKind.ERROR));
  }

  @Test
  void verboseNamesOdataVerboseOnlyWhenTheClientDid() {
    assertEquals("application/json;odata=verbose;charset=utf-8", ResponseFormat.VERBOSE_V3.contentType(PayloadKind.ENTRY));
    assertEquals("application/json;charset=utf-8", ResponseFormat.VERBOSE.contentType(PayloadKind.ENTRY));
  }

  @Test
  void atomEntryAndFeed() {
    assertEquals("application/atom+xml;type=entry;charset=utf-8", ResponseFormat.ATOM.contentType(PayloadKind.ENTRY));
    assertEquals("application/atom+xml;type=feed;charset=utf-8", ResponseFormat.ATOM.contentType(PayloadKind.FEED));
  }

  @ParameterizedTest
  @EnumSource(value = PayloadKind.class, names = {"ERROR", "METADATA", "SERVICE_DOCUMENT"})
  void otherXmlPayloadsArePlainXml(PayloadKind kind) {
    assertEquals("application/xml;charset=utf-8", ResponseFormat.ATOM.contentType(kind));
  }

  @Test
  void onlyJsonLightNeedsVersionThree() {
    assertEquals(ProtocolVersion.V3, ResponseFormat.LIGHT_MINIMAL.neededVersion());
    assertEquals(ProtocolVersion.V1, ResponseFormat.VERBOSE_V3.neededVersion());
    assertEquals(ProtocolVersion.V1, ResponseFormat.ATOM.neededVersion());
  }
}
