package dev.spfemu.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.error.ServiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ContentNegotiatorTest {

  private static final RequestVersions V3 = RequestVersions.DEFAULT;
  private static final RequestVersions V2 = RequestVersions.parse(null, "2.0", null);

  private static ResponseFormat entry(String accept, RequestVersions versions) {
    return ContentNegotiator.negotiate(PayloadKind.ENTRY, accept, null, versions);
  }

  private static ResponseFormat withFormat(String format, String accept) {
    return ContentNegotiator.negotiate(PayloadKind.FEED, accept, format, V3);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"*/*", "application/*", "application/atom+xml,application/xml", "application/xml"})
  void defaultsAndXmlRangesGiveAtom(String accept) {
    assertEquals(ResponseFormat.ATOM, entry(accept, V3));
  }

  @Test
  void minimalMetadataForAVersionThreeClientIsJsonLight() {
    ResponseFormat format = entry("application/json;odata=minimalmetadata", V3);

    assertEquals(Format.JSON_LIGHT, format.format());
    assertEquals(MetadataLevel.MINIMAL, format.level());
  }

  @Test
  void minimalMetadataForAVersionTwoClientIsNotAcceptable() {
    ServiceException e = assertThrows(ServiceException.class,
        () -> entry("application/json;odata=minimalmetadata", V2));

    assertEquals(406, e.status());
    assertEquals("NotAcceptable", e.code());
    assertTrue(e.getMessage().contains("MaxDataServiceVersion"), e.getMessage());
  }

  @Test
  void plainJsonDependsOnTheMaximumVersion() {
    assertEquals(ResponseFormat.LIGHT_MINIMAL, entry("application/json", V3));
    assertEquals(ResponseFormat.VERBOSE, entry("application/json", V2));
  }

  @Test
  void verboseParameterIsEchoed() {
    ResponseFormat format = entry("application/json;odata=verbose", V3);

    assertEquals(Format.JSON_VERBOSE, format.format());
    assertTrue(format.verboseParameter());
  }

  @ParameterizedTest
  @CsvSource({"fullmetadata, FULL", "nometadata, NONE", "minimalmetadata, MINIMAL", "FullMetadata, FULL"})
  void lightMetadataLevels(String parameter, MetadataLevel level) {
    assertEquals(ResponseFormat.light(level), entry("application/json;odata=" + parameter, V3));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "application/atom+xml;q=0.5, application/json;odata=minimalmetadata | JSON_LIGHT",
      "application/json;q=0, application/atom+xml | ATOM",
      "application/json;odata=verbose;q=0.4, application/atom+xml;q=0.6 | ATOM",
      "text/plain, application/json;odata=verbose;q=0.1 | JSON_VERBOSE"})
  void highestQualityWins(String accept, Format expected) {
    assertEquals(expected, entry(accept, V3).format());
  }

  @Test
  void tiesGoToTheFirstListedRange() {
    assertEquals(Format.JSON_VERBOSE, entry("application/json;odata=verbose, application/atom+xml", V3).format());
    assertEquals(Format.ATOM, entry("application/atom+xml, application/json;odata=verbose", V3).format());
  }

  @Test
  void formatOptionOverridesAccept() {
    assertEquals(ResponseFormat.LIGHT_MINIMAL, withFormat("json", "application/atom+xml"));
    assertEquals(ResponseFormat.ATOM, withFormat("atom", "application/json"));
    assertEquals(ResponseFormat.ATOM, withFormat("xml", "application/json"));
    assertEquals(ResponseFormat.ATOM, withFormat(" Atom ", null));
  }

  @Test
  void formatOptionMayBeAFullMediaType() {
    assertEquals(ResponseFormat.VERBOSE_V3, withFormat("application/json;odata=verbose", null));
    assertEquals(ResponseFormat.light(MetadataLevel.NONE), withFormat("application/json;odata=nometadata", null));
  }

  @Test
  void unknownFormatOptionIsABadRequest() {
    ServiceException e = assertThrows(ServiceException.class, () -> withFormat("csv", null));

    assertEquals(400, e.status());
    assertEquals("InvalidFormatOption", e.code());
  }

  @Test
  void textPlainOnlyIsNotAcceptable() {
    ServiceException e = assertThrows(ServiceException.class, () -> entry("text/plain", V3));

    assertEquals(406, e.status());
    assertEquals("NotAcceptable", e.code());
  }

  @Test
  void metadataCannotBeJson() {
    ServiceException e = assertThrows(ServiceException.class,
        () -> ContentNegotiator.negotiate(PayloadKind.METADATA, "application/json", null, V3));

    assertEquals(406, e.status());
  }

  @Test
  void metadataForAnyRangeIsXml() {
    assertEquals(ResponseFormat.ATOM, ContentNegotiator.negotiate(PayloadKind.METADATA, "*/*", null, V3));
  }

  @Test
  void atomIsNotOfferedForTheServiceDocumentButAtomsvcIs() {
    assertThrows(ServiceException.class,
        () -> ContentNegotiator.negotiate(PayloadKind.SERVICE_DOCUMENT, "application/atom+xml", null, V3));
    assertEquals(ResponseFormat.ATOM,
        ContentNegotiator.negotiate(PayloadKind.SERVICE_DOCUMENT, "application/atomsvc+xml", null, V3));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      "text/plain | NULL",
      "application/json;odata=minimalmetadata | NULL",
      "NULL | csv",
      "application/json | application/json;odata=bogus"})
  void forErrorNeverThrowsAndFallsBackToAtom(String accept, String format) {
    assertEquals(ResponseFormat.ATOM, ContentNegotiator.forError(accept, format, V2));
  }

  @Test
  void forErrorStillHonoursAcceptableJson() {
    assertEquals(ResponseFormat.LIGHT_MINIMAL, ContentNegotiator.forError("application/json", null, null));
    assertEquals(ResponseFormat.VERBOSE, ContentNegotiator.forError("application/json", null, V2));
  }

  @Test
  void mixedCaseJsonLightForAnOldClientGetsTheSpecificMessage() {
    ServiceException e = assertThrows(
        ServiceException.class, () -> ContentNegotiator.negotiate(PayloadKind.ENTRY,
            "application/json;odata=MinimalMetadata", null, RequestVersions.parse(null, "2.0", null)));
    assertEquals(406, e.status());
    assertTrue(e.getMessage().contains("MaxDataServiceVersion is 2.0"), e.getMessage());
  }
}
