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

  private static final String ENTRY_TYPES = "application/atom+xml, application/json;odata=minimalmetadata"
      + " (or fullmetadata, nometadata), application/json;odata=verbose";
  private static final RequestVersions V1 = RequestVersions.parse(null, "1.0", null);

  private static String notAcceptable(PayloadKind kind, String accept, String format, RequestVersions versions) {
    ServiceException e = assertThrows(ServiceException.class,
        () -> ContentNegotiator.negotiate(kind, accept, format, versions));
    assertEquals(406, e.status());
    assertEquals("NotAcceptable", e.code());
    return e.getMessage();
  }

  private static String unsupported(String ranges, String supported) {
    return "None of the media types in '" + ranges + "' can be served for this resource. Supported: " + supported + ".";
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ENTRY | text/plain",
      "FEED | text/html, image/png",
      "ERROR | text/plain",
      "ENTRY | application/json;odata=bogus"})
  void entriesAndFeedsListEveryFormatTheyCanBeServedIn(PayloadKind kind, String accept) {
    assertEquals(unsupported(accept, ENTRY_TYPES), notAcceptable(kind, accept, null, V3));
  }

  @Test
  void eachKindOfPayloadListsItsOwnFormats() {
    assertEquals(unsupported("application/json", "application/xml"),
        notAcceptable(PayloadKind.METADATA, "application/json", null, V3));
    assertEquals(unsupported("application/json;odata=minimalmetadata", "application/xml"),
        notAcceptable(PayloadKind.METADATA, "application/json;odata=minimalmetadata", null, V3),
        "a v3 client may have JSON light, just not for $metadata");
    assertEquals(unsupported("application/atom+xml", "application/xml, application/atomsvc+xml,"
        + " application/json;odata=minimalmetadata, application/json;odata=verbose"),
        notAcceptable(PayloadKind.SERVICE_DOCUMENT, "application/atom+xml", null, V3));
    assertEquals(unsupported("application/atom+xml", "application/xml, application/json;odata=minimalmetadata,"
        + " application/json;odata=verbose"),
        notAcceptable(PayloadKind.PROPERTY, "application/atom+xml", null, V3));
  }

  @Test
  void theMessageQuotesTheFormatOptionWhenThatWasAsked() {
    assertEquals(unsupported("text/csv", ENTRY_TYPES), notAcceptable(PayloadKind.FEED, "application/json", "text/csv", V3));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "application/json;odata=minimalmetadata | 2.0",
      "application/json;odata=fullmetadata | 2.0",
      "text/plain, application/json;odata=nometadata | 1.0"})
  void jsonLightForAnOldClientSaysWhatToSendInstead(String accept, String max) {
    RequestVersions old = RequestVersions.parse(null, max, null);
    assertEquals("JSON light (application/json;odata=minimalmetadata) needs OData version 3.0, but the request's"
        + " MaxDataServiceVersion is " + max + ". Send MaxDataServiceVersion: 3.0, or ask for"
        + " application/json;odata=verbose or application/atom+xml.", notAcceptable(PayloadKind.ENTRY, accept, null, old));
  }

  @Test
  void jsonLightRefusedWithQualityZeroIsNotWhatTheClientAskedFor() {
    String accept = "application/json;odata=minimalmetadata;q=0, text/plain";
    assertEquals(unsupported(accept, ENTRY_TYPES), notAcceptable(PayloadKind.ENTRY, accept, null, V2));
  }

  @Test
  void anOldClientAskingJsonLightOrAnotherFormatGetsTheOther() {
    assertEquals(ResponseFormat.ATOM, entry("application/json;odata=minimalmetadata, application/atom+xml;q=0.1", V2));
    assertEquals(ResponseFormat.VERBOSE, entry("application/json;odata=minimalmetadata, application/json;q=0.5", V1));
  }
}
