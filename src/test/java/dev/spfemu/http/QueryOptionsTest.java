package dev.spfemu.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.xml.XmlPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** $filter, $orderby, $top, $skip, $inlinecount, $select and $count over HTTP, in every format. */
class QueryOptionsTest extends EmulatorHttpTest {

  private static final String OTHER_VM = "0a0b0c0d-1111-4222-8333-944455556666";

  private String root;

  @BeforeAll
  void createCheckpoints() {
    root = newRoot();
    jsonLight().body("{\"ID\":\"" + OTHER_VM + "\",\"StampId\":\"" + STAMP + "\",\"Name\":\"other\",\"CloudId\":\""
        + CLOUD + "\"}").post(root + "VirtualMachines").then().statusCode(201);
    create("alpha", VM, "first");
    create("Bravo", VM, null);
    create("charlie", OTHER_VM, "third one");
    create("delta", OTHER_VM, "fourth");
  }

  private void create(String name, String vm, String description) {
    String body = "{\"Name\":\"" + name + "\",\"StampId\":\"" + STAMP + "\",\"VMId\":\"" + vm + "\""
        + (description == null ? "" : ",\"Description\":\"" + description + "\"") + "}";
    jsonLight().body(body).post(root + "VMCheckPoints").then().statusCode(201);
  }

  private List<String> names(String query) {
    String body = jsonLight().get(root + "VMCheckPoints" + query).then().statusCode(200).extract().asString();
    List<String> names = new ArrayList<>();
    json(body).get("value").forEach(entity -> names.add(entity.get("Name").asText()));
    return names;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "?$filter=VMId eq guid'" + VM + "'&$orderby=Name | alpha,Bravo",
      "()?$filter=VMId%20eq%20guid%27" + VM + "%27&$orderby=Name | alpha,Bravo",
      "?$filter=VMId+eq+guid'" + OTHER_VM + "'+and+Name+ne+'delta' | charlie",
      "?%24filter=Name%20eq%20'delta' | delta",
      "?$filter=(VMId eq guid'" + VM + "') and (StampId eq guid'" + STAMP + "')&$orderby=Name desc | Bravo,alpha",
      "?$filter=substringof('a', Name)&$orderby=Name | alpha,Bravo,charlie,delta",
      "?$filter=startswith(tolower(Name), 'b') | Bravo",
      "?$filter=endswith(Name, 'ta') or length(Name) eq 7&$orderby=Name | charlie,delta",
      "?$filter=Description eq '' | Bravo",
      "?$filter=VMCheckPointAction eq null&$orderby=Name | alpha,Bravo,charlie,delta",
      "?$filter=not (Enabled eq true) | ''",
      "?$filter=indexof(Description, 'one') eq 6 | charlie",
      "?$filter=concat(Name, 'x') eq 'alphax' | alpha",
      "?$filter=toupper(trim(Name)) eq 'DELTA' | delta",
      "?$filter=Name gt 'b'&$orderby=Name | Bravo,charlie,delta",
      "?$filter=Name lt 'B'&$orderby=Name | alpha",
      "?$orderby=VMId desc,Name | alpha,Bravo,charlie,delta",
      "?$orderby=Name&$top=2 | alpha,Bravo",
      "?$orderby=Name&$skip=1&$top=2 | Bravo,charlie",
      "?$orderby=Name+desc&$skip=3 | alpha"})
  void filterAndOrderAsWcfDataServices(String query, String expected) {
    List<String> expectedNames = expected.isEmpty() ? List.of() : List.of(expected.split(","));
    assertEquals(expectedNames, names(query.replace(" ", "%20")));
  }

  @Test
  void dateTimeLiteralsInEveryDotNetForm() {
    String created = json(jsonLight().get(root + "VMCheckPoints?$filter=Name%20eq%20'alpha'").then().statusCode(200)
        .extract().asString()).get("value").get(0).get("AddedTime").asText();
    String seven = created.substring(0, 27); // 2026-11-28T07:14:21.7064060
    for (String literal : List.of("datetime'" + seven + "'", "datetime'" + seven + "Z'",
        "datetime'" + created.replace("+", "%2B") + "'", "DateTime'" + seven + "'")) {
      assertEquals(List.of("alpha"), names("?$filter=AddedTime%20eq%20" + literal + "%20and%20Name%20eq%20'alpha'"),
          literal);
    }
    assertEquals(4, names("?$filter=AddedTime%20gt%20datetime'2020-01-01T00:00:00'").size());
    assertEquals(4, names("?$filter=AddedTime%20gt%20datetime'2020-01-01T00:00:00%2B01:00'").size());
    assertEquals(0, names("?$filter=AddedTime%20lt%20datetime'2020-01-01T00:00:00Z'").size());
  }

  @Test
  void inlineCountIsAStringInJsonLightAndAfterTheFilter() {
    jsonLight().get(root + "VMCheckPoints?$inlinecount=allpages&$top=1&$filter=VMId%20eq%20guid'" + VM + "'")
        .then().statusCode(200)
        .body("'odata.count'", equalTo("2"))
        .body("value.size()", equalTo(1));
  }

  @Test
  void inlineCountInAtomAndVerbose() {
    String atom = dotNet4().get(root + "VMCheckPoints?$inlinecount=allpages").then().statusCode(200)
        .header("DataServiceVersion", "2.0;").extract().asString();
    assertEquals("4", new XmlPath(atom).getString("feed.count"));
    request().header("Accept", "application/json;odata=verbose").get(root + "VMCheckPoints?$inlinecount=allpages")
        .then().statusCode(200)
        .header("DataServiceVersion", "2.0;")
        .body("d.__count", equalTo("4"))
        .body("d.results.size()", equalTo(4));
  }

  @Test
  void inlineCountForAVersionOneClientIs400() {
    request().header("MaxDataServiceVersion", "1.0").header("Accept", "application/atom+xml")
        .get(root + "VMCheckPoints?$inlinecount=allpages").then()
        .statusCode(400).body("error.code", equalTo("VersionTooLow"));
  }

  @Test
  void selectWritesOnlyTheNamedPropertiesInModelOrder() {
    String body = jsonLight().get(root + "VMCheckPoints?$select=Name,ID&$filter=Name%20eq%20'alpha'").then()
        .statusCode(200)
        .body("'odata.metadata'", equalTo(root + "$metadata#VMCheckPoints&$select=Name,ID"))
        .extract().asString();
    assertEquals(List.of("ID", "Name"), fieldNames(json(body).get("value").get(0)));
    String atom = dotNet4().get(root + "VMCheckPoints?$select=Name").then().statusCode(200)
        .header("DataServiceVersion", "2.0;").extract().asString();
    assertFalse(atom.contains("<d:VMId"));
  }

  @Test
  void countIsPlainTextAndHonoursTheFilter() {
    request().get(root + "VMCheckPoints/$count").then()
        .statusCode(200).header("Content-Type", "text/plain;charset=utf-8").header("DataServiceVersion", "2.0;")
        .body(equalTo("4"));
    request().get(root + "VMCheckPoints/$count?$filter=VMId%20eq%20guid'" + OTHER_VM + "'").then()
        .statusCode(200).body(equalTo("2"));
    request().get(root + "VMCheckPoints()/$count?$top=3").then().statusCode(200).body(equalTo("3"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "$filter=Colour eq 'red' | Colour",
      "$filter=VMId eq 'not a guid' | VMId",
      "$filter=Name eq | ",
      "$filter=Name eq 1 | ",
      "$filter=datetime'2020-13-01T00:00:00' eq AddedTime | 2020-13-01",
      "$orderby=Colour | Colour",
      "$top=-1 | ",
      "$skip=x | ",
      "$inlinecount=some | ",
      "$skiptoken=nonsense | ",
      "$select=Colour | Colour"})
  void invalidQueriesAre400WithAnODataError(String query, String named) {
    String[] pair = query.split("=", 2);
    String message = jsonLight().get(root + "VMCheckPoints?" + pair[0] + "=" + pair[1].replace(" ", "%20")).then()
        .statusCode(400)
        .body("'odata.error'.message.value", containsString(named == null ? "" : named))
        .extract().path("'odata.error'.message.value");
    assertFalse(message.isBlank());
  }

  @Test
  void anExpressionTheServiceCannotEvaluateIsReportedWhereTheQueryIsApplied() {
    String jobs = root + "Jobs?$filter=ErrorInfo/Code%20eq%20'x'";
    jsonLight().get(jobs).then().statusCode(400)
        .body("'odata.error'.code", equalTo("InvalidQuery"))
        .body("'odata.error'.message.value", equalTo("The property 'Code' does not exist on type 'VMM.Job'."));
    request().header("Accept", "image/png").get(jobs).then().statusCode(406)
        .body("error.code", equalTo("NotAcceptable"));
    jsonLight().delete(jobs).then().statusCode(405)
        .body("'odata.error'.code", equalTo("MethodNotAllowed"));
  }

  @Test
  void filterOnASingleEntityThatDoesNotMatchIs404() {
    JsonNode alpha = json(jsonLight().get(root + "VMCheckPoints?$filter=Name%20eq%20'alpha'").then()
        .extract().asString()).get("value").get(0);
    String location = root + "VMCheckPoints(ID=guid'" + alpha.get("ID").asText() + "',StampId=guid'" + STAMP + "')";
    jsonLight().get(location + "?$filter=Name%20eq%20'alpha'").then().statusCode(200);
    jsonLight().get(location + "?$filter=Name%20eq%20'beta'").then().statusCode(404);
    jsonLight().get(location + "?$select=Name").then().statusCode(200)
        .body("'odata.metadata'", equalTo(root + "$metadata#VMCheckPoints/@Element&$select=Name"))
        .body("ID", nullValue());
  }
}
