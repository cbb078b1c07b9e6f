package dev.spfemu.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** DataServiceVersion headers, Accept with q-values, and $format. */
class VersionNegotiationTest extends EmulatorHttpTest {

  private String root;
  private String location;

  @BeforeAll
  void createOne() {
    root = newRoot();
    location = createCheckpoint(root, "negotiated");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "1.0;NetFx", "2.0", "2.0;NetFx", "3.0", "3.0;NetFx", "3.0;"})
  void everyVersionFromOneToThreeIsAccepted(String version) {
    request().header("DataServiceVersion", version).header("MaxDataServiceVersion", version)
        .header("Accept", "application/atom+xml")
        .get(location).then().statusCode(200).header("DataServiceVersion", "1.0;");
  }

  @ParameterizedTest
  @CsvSource({
      "DataServiceVersion, 4.0, UnsupportedDataServiceVersion",
      "MaxDataServiceVersion, 4.0;NetFx, UnsupportedDataServiceVersion",
      "DataServiceVersion, three, InvalidDataServiceVersion",
      "MinDataServiceVersion, 9.9, UnsupportedDataServiceVersion"})
  void unknownVersionsAreRejected(String header, String value, String code) {
    request().header("Accept", JSON_LIGHT).header(header, value).get(location).then()
        .statusCode(400)
        .body("'odata.error'.code", equalTo(code))
        .body("'odata.error'.message.value", containsString(header));
  }

  @Test
  void jsonLightForAClientWhoseMaximumIsBelowThreeIs406() {
    request().header("DataServiceVersion", "1.0;NetFx").header("MaxDataServiceVersion", "2.0;NetFx")
        .header("Accept", JSON_LIGHT)
        .get(location).then()
        .statusCode(406)
        .body("error.code", equalTo("NotAcceptable"))
        .body("error.message", containsString("MaxDataServiceVersion is 2.0"));
  }

  @Test
  void jsonLightCreateByAnOldClientIsRefusedBeforeAnythingIsStored() {
    String fresh = newRoot();
    request().header("MaxDataServiceVersion", "2.0").header("Accept", JSON_LIGHT).contentType(JSON_LIGHT)
        .body(checkpointBody("never")).post(fresh + "VMCheckPoints").then().statusCode(406);
    assertEquals(0, countCheckpoints(fresh));
  }

  @Test
  void theResponseVersionNeverExceedsTheClientsMaximum() {
    request().header("MaxDataServiceVersion", "1.0").header("Accept", "application/xml")
        .get(root + "$metadata").then().statusCode(200).header("DataServiceVersion", "1.0;");
    request().header("MaxDataServiceVersion", "2.0").header("Accept", "application/atom+xml")
        .get(location).then().statusCode(200).header("DataServiceVersion", "1.0;");
  }

  @Test
  void minDataServiceVersionRaisesTheResponseVersion() {
    request().header("MinDataServiceVersion", "2.0").header("MaxDataServiceVersion", "3.0")
        .header("Accept", "application/atom+xml")
        .get(location).then().statusCode(200).header("DataServiceVersion", "2.0;");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "application/atom+xml;q=0.5, application/json;odata=minimalmetadata | application/json; odata=minimalmetadata",
      "application/json;odata=minimalmetadata;q=0.2, application/atom+xml;q=0.9 | application/atom+xml;type=entry",
      "application/json;q=0, application/atom+xml | application/atom+xml;type=entry",
      "text/html, application/json;odata=fullmetadata | application/json; odata=fullmetadata",
      "application/json;odata=nometadata | application/json; odata=nometadata",
      "*/* | application/atom+xml;type=entry",
      "application/* | application/atom+xml;type=entry",
      "application/xml | application/atom+xml;type=entry",
      "application/json;odata=verbose | application/json;odata=verbose",
      "application/json | application/json; odata=minimalmetadata"})
  void acceptHonoursQualityValues(String accept, String expectedContentType) {
    request().header("Accept", accept).get(location).then()
        .statusCode(200).header("Content-Type", startsWith(expectedContentType));
  }

  @Test
  void noAcceptHeaderMeansAtom() {
    HttpResponse<String> response = BadInputTest.send(HttpRequest.newBuilder(URI.create(location)).GET().build());
    assertEquals(200, response.statusCode());
    assertEquals("application/atom+xml;type=entry;charset=utf-8",
        response.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(response.body().contains("<entry"));
  }

  @Test
  void unacceptableMediaTypeIs406() {
    request().header("Accept", "text/html").get(location).then()
        .statusCode(406)
        .header("Content-Type", "application/xml;charset=utf-8")
        .body("error.code", equalTo("NotAcceptable"))
        .body("error.message", equalTo("None of the media types in 'text/html' can be served for this resource."
            + " Supported: application/atom+xml, application/json;odata=minimalmetadata (or fullmetadata,"
            + " nometadata), application/json;odata=verbose."));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "json | application/json; odata=minimalmetadata",
      "atom | application/atom+xml;type=entry",
      "xml | application/atom+xml;type=entry",
      "application/json;odata=fullmetadata | application/json; odata=fullmetadata",
      "application%2Fjson%3Bodata%3Dverbose | application/json;odata=verbose"})
  void formatOptionOverridesAccept(String format, String expectedContentType) {
    request().header("Accept", "text/html").get(location + "?$format=" + format).then()
        .statusCode(200).header("Content-Type", startsWith(expectedContentType));
  }

  @Test
  void formatJsonForAVersionTwoClientIsVerbose() {
    request().header("MaxDataServiceVersion", "2.0").get(location + "?$format=json").then()
        .statusCode(200).header("Content-Type", "application/json;charset=utf-8").body("d.Name", equalTo("negotiated"));
  }

  @Test
  void unknownFormatIs400() {
    request().get(location + "?$format=csv").then()
        .statusCode(400).body("error.code", equalTo("InvalidFormatOption"));
  }
}
