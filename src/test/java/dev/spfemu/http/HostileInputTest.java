package dev.spfemu.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input no client should send, and a hostile one might: never a 5xx, always a 4xx OData error in the
 * client's format saying what was wrong (issue 11, point 5).
 */
class HostileInputTest extends EmulatorHttpTest {

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String nested(int depth) {
    return "(".repeat(depth) + "Name eq 'x'" + ")".repeat(depth);
  }

  /** {@link #nested} as a query string writes it: parentheses need no percent-encoding, and 18,000 characters are too long a URL. */
  private static String nestedInUrl(int depth) {
    return "(".repeat(depth) + encode("Name eq 'x'") + ")".repeat(depth);
  }

  private static String orChain(int terms) {
    return IntStream.range(0, terms).mapToObj(i -> "Name eq 'n" + i + "'").collect(Collectors.joining(" or "));
  }

  static Stream<Arguments> badQueries() {
    return Stream.of(
        Arguments.of("$filter of 50 minus signs", "$filter=" + "-".repeat(50), "InvalidQuery", "$filter"),
        Arguments.of("3,000 nested parentheses", "$filter=" + nestedInUrl(3000), "LimitExceeded",
            "--max-expression-depth"),
        Arguments.of("200 nots in a row", "$filter=" + encode("not ".repeat(200) + "true"), "LimitExceeded",
            "--max-expression-depth"),
        Arguments.of("$orderby=,", "$orderby=,", "InvalidQuery", "$orderby"),
        Arguments.of("$orderby of commas", "$orderby=,,,", "InvalidQuery", "$orderby"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badQueries")
  void badQueryIsA400InJsonLight(String name, String query, String code, String message) {
    jsonLight().get(demoRoot() + "Clouds?" + query).then()
        .statusCode(400)
        .header("Content-Type", JSON_LIGHT_RESPONSE)
        .body("'odata.error'.code", equalTo(code))
        .body("'odata.error'.message.value", containsString(message));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badQueries")
  void badQueryIsA400InXml(String name, String query, String code, String message) {
    dotNet4().get(demoRoot() + "Clouds?" + query).then()
        .statusCode(400)
        .header("Content-Type", "application/xml;charset=utf-8")
        .body("error.code", equalTo(code))
        .body("error.message", containsString(message));
  }

  /** A request with one header as given (java.net.http: REST Assured will not send a body under a Content-Type it cannot parse). */
  private static HttpResponse<String> send(String method, String url, String header, String value, String body,
      String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header(header, value)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return BadInputTest.send(request.build());
  }

  @Test
  void garbageContentTypeIs415() {
    HttpResponse<String> light = send("POST", newRoot() + "VMCheckPoints", "Content-Type", ";;;", checkpointBody("x"),
        "Accept", JSON_LIGHT, "MaxDataServiceVersion", "3.0");
    assertEquals(415, light.statusCode(), light.body());
    assertEquals("UnsupportedMediaType", json(light.body()).at("/odata.error/code").asText());
    assertTrue(json(light.body()).at("/odata.error/message/value").asText().contains("';;;'"), light.body());
    HttpResponse<String> atom = send("POST", newRoot() + "VMCheckPoints", "Content-Type", ";;;", checkpointBody("x"),
        "Accept", "application/atom+xml");
    assertEquals(415, atom.statusCode(), atom.body());
    assertEquals("UnsupportedMediaType", Xml.parse(atom.body()).string("/m:error/m:code"));
  }

  @Test
  void garbageAcceptIs406InXml() {
    request().header("Accept", ";;;").get(demoRoot() + "Clouds").then()
        .statusCode(406)
        .header("Content-Type", "application/xml;charset=utf-8")
        .body("error.code", equalTo("NotAcceptable"))
        .body("error.message", containsString("';;;'"));
  }

  @Test
  void garbageAcceptWithFormatJsonIsServed() {
    request().header("Accept", ";;;").header("MaxDataServiceVersion", "3.0").get(demoRoot() + "Clouds?$format=json")
        .then().statusCode(200).header("Content-Type", JSON_LIGHT_RESPONSE);
  }

  // --- $batch ---

  private static HttpResponse<String> postBatch(String root, String body) {
    return BadInputTest.send(HttpRequest.newBuilder(URI.create(root + "$batch"))
        .header("Content-Type", "multipart/mixed; boundary=b")
        .header("Accept", JSON_LIGHT).header("MaxDataServiceVersion", "3.0")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private static String queryPart(String url, String headers) {
    return "--b\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\nGET " + url
        + " HTTP/1.1\r\n" + headers + "\r\n\r\n";
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"or-chain", "nested"})
  void deepOrLongExpressionInABatchPartIsThatPartsLimitExceeded(String kind) {
    String filter = kind.equals("or-chain") ? orChain(10_000) : nested(3_000);
    for (String accept : List.of("Accept: " + JSON_LIGHT + "\r\nMaxDataServiceVersion: 3.0\r\n",
        "Accept: application/atom+xml\r\n")) {
      List<BatchResponse.Part> parts = new BatchRequest()
          .query("Clouds?$filter=" + encode(filter), accept)
          .query("Clouds?$top=1", accept)
          .post(demoRoot());
      BatchResponse.Operation refused = parts.get(0).operations().get(0);
      assertEquals(400, refused.status(), refused.body());
      assertTrue(refused.body().contains("LimitExceeded"), refused.body());
      assertTrue(refused.body().contains(kind.equals("or-chain") ? "--max-expression-length" : "--max-expression-depth"),
          refused.body());
      assertTrue(accept.contains("atom") ? refused.body().startsWith("<?xml") : refused.body().startsWith("{"),
          refused.body());
      assertEquals(200, parts.get(1).operations().get(0).status(), "the other parts are answered");
    }
  }

  @Test
  void tooManyBatchOperationsIsA400NamingTheLimit() {
    String parts = queryPart("Clouds?$top=1", "").repeat(1001);
    HttpResponse<String> response = postBatch(demoRoot(), parts + "--b--\r\n");
    assertEquals(400, response.statusCode(), response.body());
    assertTrue(response.body().contains("\"code\":\"LimitExceeded\""), response.body());
    assertTrue(response.body().contains("limited to 1000, but the request has 1001 operations"), response.body());
    assertTrue(response.body().contains("--max-batch-parts"), response.body());

    HttpResponse<String> allowed = postBatch(demoRoot(), queryPart("Clouds?$top=1", "").repeat(1000) + "--b--\r\n");
    assertEquals(202, allowed.statusCode());
  }

  // --- bodies ---

  @ParameterizedTest(name = "U+{0}")
  @ValueSource(strings = {"0000", "0001", "001F", "000B", "FFFE", "FFFF"})
  void aStringXmlCannotCarryIsRefusedNamingTheProperty(String code) {
    String root = newRoot();
    String body = checkpointBody("bad\\u" + code + "name");
    jsonLight().body(body).post(root + "VMCheckPoints").then()
        .statusCode(400)
        .body("'odata.error'.code", equalTo("InvalidPropertyValue"))
        .body("'odata.error'.message.value", containsString("'Name'"))
        .body("'odata.error'.message.value", containsString("U+" + code));
    request().header("Accept", "application/atom+xml").contentType("application/json").body(body)
        .post(root + "VMCheckPoints").then()
        .statusCode(400)
        .body("error.code", equalTo("InvalidPropertyValue"));
    assertEquals(0, countCheckpoints(root));
  }

  @Test
  void tabsAndLineBreaksAreKeptAndTheAtomFeedStaysWellFormed() {
    String root = newRoot();
    createCheckpoint(root, "tab\\there\\r\\nnext line");
    String atom = dotNet4().get(root + "VMCheckPoints").then().statusCode(200).extract().asString();
    Xml feed = Xml.parse(atom); // fails on ill-formed XML
    assertEquals("tab\there\r\nnext line".replace("\r\n", "\n"),
        feed.string("//m:properties/d:Name").replace("\r\n", "\n"));
  }

  @Test
  void verboseMetadataInABodyDeclaredJsonLightIsRefused() {
    String root = newRoot();
    String verbose = "{\"__metadata\":{\"type\":\"VMM.VMCheckPoint\"},\"Name\":\"v\",\"StampId\":\"" + STAMP
        + "\",\"VMId\":\"" + VM + "\"}";
    jsonLight().body(verbose).post(root + "VMCheckPoints").then()
        .statusCode(400)
        .body("'odata.error'.code", equalTo("MalformedPayload"))
        .body("'odata.error'.message.value", containsString("'__metadata' belongs to verbose JSON"));
    request().header("Accept", "application/atom+xml").contentType("application/json;odata=fullmetadata")
        .body(verbose).post(root + "VMCheckPoints").then()
        .statusCode(400)
        .body("error.code", equalTo("MalformedPayload"));
    assertEquals(0, countCheckpoints(root));

    request().header("Accept", JSON_LIGHT).header("MaxDataServiceVersion", "3.0")
        .contentType("application/json;odata=verbose").body(verbose).post(root + "VMCheckPoints")
        .then().statusCode(201);
    request().header("Accept", JSON_LIGHT).header("MaxDataServiceVersion", "3.0")
        .contentType("application/json").body(verbose.replace("\"v\"", "\"w\"")).post(root + "VMCheckPoints")
        .then().statusCode(201);
    assertEquals(2, countCheckpoints(root));
  }

  // --- a quick fuzz: whatever the query option or header, never a 5xx ---

  static Stream<String> nastyQueries() {
    return Stream.of("$top=-1", "$top=99999999999999999999", "$top=abc", "$skip=-5", "$skip=1e3",
        "$skiptoken=garbage", "$skiptoken=" + encode("ID=guid'x'"), "$skiptoken=" + encode("'"), "$expand=///",
        "$expand=Cloud/Cloud/Cloud", "$expand=" + encode(","), "$select=*,*", "$select=" + encode("Foo/Bar"),
        "$select=", "$inlinecount=bogus", "$format=" + encode(";;;"), "$format=", "$filter=", "$filter=" + encode("'"),
        "$filter=" + encode("Name eq '"), "$filter=substringof(", "$filter=" + encode("Name eq 1e999999"),
        "$filter=" + encode("ID eq guid'x'"), "$filter=" + encode("AddedTime gt datetime'9999-99-99'"),
        "$filter=" + encode("length(Name) eq 99999999999999999999"),
        "$filter=" + encode("substring(Name,-1,-1) eq 'a'"), "$filter=" + encode("cast(Name,'Edm.Int32') eq 1"),
        "$filter=" + encode("isof('VMM.Cloud')"), "$filter=" + encode("1 div 0 eq 1"),
        "$filter=" + encode("1 mod 0 eq 0"), "$filter=" + encode("1.0 div 0.0 eq 1"),
        "$filter=" + encode("Name eq null"), "$filter=%00", "$filter=" + encode("Name eq '\u0000'"),
        "$filter=" + encode("()"), "$filter=" + encode(")("), "$filter=" + encode("not"),
        "$filter=" + encode("- - -1 eq 1"), "$filter=" + encode("Name/Foo eq 1"),
        "$filter=" + encode("substringof('a', Name) eq substringof('a', Name, Name)"),
        "$filter=" + encode("round(Name) eq 1"), "$filter=" + encode("year(Name) eq 1"),
        "$filter=" + encode("99999999999999999999999999999999999999 eq 1"),
        "$filter=" + encode("9223372036854775807L add 1L eq 0L"),
        "$filter=" + encode("2147483647 add 1 eq 0"), "$filter=" + encode("-2147483648 div -1 eq 0"),
        "$filter=" + encode("-9223372036854775808L div -1L eq 0L"),
        "$filter=" + encode("-9223372036854775808L mod -1L eq 0L"),
        "$orderby=" + encode("Name desc desc"), "$orderby=" + encode("Name,"), "$orderby=" + encode("(Name"),
        "$orderby=" + encode("1 div 0"), "$orderby=" + encode("-2147483648 div -1"), "&&&",
        "$top=1&$top=2", "$callback=x", "$foo=1", "$batch", "$metadata", "$count=true", "$links",
        "$value", "RunAsynchronously=maybe");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nastyQueries")
  void noQueryStringIsA5xx(String query) {
    for (RequestSpecification client : List.of(jsonLight(), dotNet4())) {
      Response response = client.get(demoRoot() + "Clouds?" + query);
      assertTrue(response.statusCode() < 500, query + " -> " + response.statusCode() + " " + response.asString());
    }
  }

  static Stream<Arguments> nastyHeaders() {
    return Stream.of(
        Arguments.of("DataServiceVersion", ";;;"), Arguments.of("MaxDataServiceVersion", ";;;"),
        Arguments.of("MinDataServiceVersion", ";;;"), Arguments.of("MaxDataServiceVersion", "99999999999999.0"),
        Arguments.of("DataServiceVersion", "-1.0"), Arguments.of("Accept", ",,,"), Arguments.of("Accept", "*/*;q=x"),
        Arguments.of("Accept", "application/json;odata=;;"), Arguments.of("Accept", "/"),
        Arguments.of("Accept", "application/json;q=NaN"), Arguments.of("Accept-Charset", ";;;"),
        Arguments.of("X-HTTP-Method", ";;;"), Arguments.of("If-Match", ";;;"), Arguments.of("Prefer", ";;;"),
        Arguments.of("Prefer", "return-content;;;"), Arguments.of("Content-Type", "multipart/mixed"),
        Arguments.of("Content-Type", "application/json;charset=;;;"), Arguments.of("x-ms-principal-id", ";;;"),
        Arguments.of("Content-Type", "application/json;odata="));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("nastyHeaders")
  void noHeaderValueIsA5xx(String header, String value) {
    String root = newRoot();
    String vm = root + "VirtualMachines(ID=guid'" + VM + "',StampId=guid'" + STAMP + "')";
    String json = "application/json;odata=minimalmetadata";
    boolean contentType = header.equals("Content-Type");
    for (HttpResponse<String> response : List.of(
        send("GET", root + "VMCheckPoints", header, value, null),
        send("GET", root, header, value, null),
        contentType ? send("POST", root + "VMCheckPoints", header, value, checkpointBody("h"))
            : send("POST", root + "VMCheckPoints", header, value, checkpointBody("h"), "Content-Type", json),
        send("POST", root + "$batch", header, value, "--b--\r\n"),
        contentType ? send("POST", vm, header, value, "{}", "X-HTTP-Method", "MERGE")
            : send("POST", vm, header, value, "{}", "Content-Type", json))) {
      assertTrue(response.statusCode() < 500, header + ": " + value + " -> " + response.statusCode() + " "
          + response.body());
    }
  }
}
