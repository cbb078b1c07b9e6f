package dev.spfemu.http;

import static io.restassured.RestAssured.given;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;

/** REST Assured requests as the HTTP tests send them, for tests in any package. */
public final class RestRequests {

  public static final String JSON_LIGHT = "application/json;odata=minimalmetadata";

  /** REST Assured sends bodies and content types exactly as given. */
  private static final RestAssuredConfig AS_SENT = RestAssuredConfig.config().encoderConfig(
      EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

  private RestRequests() {
  }

  /** A request with no encoding of our own: the URL and body go out as written. */
  public static RequestSpecification request() {
    return given().config(AS_SENT).urlEncodingEnabled(false);
  }

  /** A request with the seed's v3 JSON-light headers. */
  public static RequestSpecification jsonLight() {
    return request()
        .header("DataServiceVersion", "3.0;NetFx")
        .header("MaxDataServiceVersion", "3.0;NetFx")
        .header("Accept", JSON_LIGHT)
        .header("Accept-Charset", "UTF-8")
        .contentType(JSON_LIGHT);
  }
}
