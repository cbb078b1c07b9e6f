package dev.spfemu.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The .NET 4 WCF Data Services client (Atom, DataServiceVersion 1.0, MaxDataServiceVersion 2.0), CLIENTS.md §B. */
class AtomClientTest extends EmulatorHttpTest {

  private Response create(String root) {
    return dotNet4()
        .header("Authorization", "Bearer token")
        .header("x-ms-principal-id", "tenant@fabrikam.com")
        .header("Expect", "100-continue")
        .contentType("application/atom+xml")
        .body(fixture("atom-create-entry.xml"))
        .post(root + "VMCheckPoints");
  }

  @Test
  void createAnswersAnAtomEntryTheClientAccepts() {
    String root = newRoot();
    Response response = create(root);
    response.then()
        .statusCode(201)
        .header("DataServiceVersion", "1.0;")
        .header("Content-Type", "application/atom+xml;type=entry;charset=utf-8")
        .header("Location", matchesPattern(Pattern.quote(root + "VMCheckPoints(ID=guid'") + GUID
            + "',StampId=guid'" + STAMP + "'\\)"));

    XmlPath entry = new XmlPath(response.asString());
    String location = response.header("Location");
    assertEquals(root, entry.getString("entry.@'xml:base'"));
    assertEquals(location, entry.getString("entry.id"));
    assertEquals(location.substring(root.length()),
        entry.getString("entry.link.find { it.@rel == 'edit' }.@href"));
    assertEquals("VMM.VMCheckPoint", entry.getString("entry.category.@term"));
    assertEquals("http://schemas.microsoft.com/ado/2007/08/dataservices/scheme", entry.getString("entry.category.@scheme"));
    String properties = "entry.content.properties.";
    assertEquals("Public", entry.getString(properties + "Accessibility"));
    assertEquals("true", entry.getString(properties + "Enabled"));
    assertEquals("Edm.Boolean", entry.getString(properties + "Enabled.@'m:type'"));
    assertEquals("Checkpoint 1", entry.getString(properties + "Name"));
    String id = entry.getString(properties + "ID");
    assertNotEquals("00000000-0000-0000-0000-000000000000", id);
    assertTrue(location.contains(id));
    assertTrue(entry.getString(properties + "AddedTime").matches(SPF_DATE_TIME));
    assertEquals("true", entry.getString(properties + "CheckpointID.@'m:null'"));
  }

  @Test
  void readBackWithPercentEncodedQuotesAsTheClientSendsIt() {
    String root = newRoot();
    String location = create(root).then().statusCode(201).extract().header("Location");
    String encoded = location.replace("'", "%27");

    String body = dotNet4().get(encoded).then()
        .statusCode(200)
        .header("DataServiceVersion", "1.0;")
        .header("Content-Type", "application/atom+xml;type=entry;charset=utf-8")
        .extract().asString();
    XmlPath entry = new XmlPath(body);
    assertEquals(location, entry.getString("entry.id"));
    assertEquals("Checkpoint 1", entry.getString("entry.content.properties.Name"));
  }

  @Test
  void listIsAnAtomFeedWhoseEntriesHaveIdsAndEditLinks() {
    String root = newRoot();
    String location = create(root).then().statusCode(201).extract().header("Location");

    String body = dotNet4().get(root + "VMCheckPoints").then()
        .statusCode(200)
        .header("DataServiceVersion", "1.0;")
        .header("Content-Type", "application/atom+xml;type=feed;charset=utf-8")
        .body("feed.entry.size()", equalTo(1))
        .extract().asString();
    XmlPath feed = new XmlPath(body);
    assertEquals(root, feed.getString("feed.@'xml:base'"));
    assertEquals(root + "VMCheckPoints", feed.getString("feed.id"));
    assertEquals(location, feed.getString("feed.entry.id"));
    assertEquals(location.substring(root.length()),
        feed.getString("feed.entry.link.find { it.@rel == 'edit' }.@href"));
  }

  @Test
  void aBodyDeclaringAnEntityIsRefusedWithAnODataError() {
    String root = newRoot();
    String body = fixture("atom-create-entry.xml")
        .replace("<entry ", "<!DOCTYPE entry [<!ENTITY name \"expanded\">]>\n<entry ")
        .replace("<d:Name>Checkpoint 1</d:Name>", "<d:Name>&name;</d:Name>");
    assertTrue(body.contains("<!ENTITY name") && body.contains("&name;"), body);
    dotNet4().contentType("application/atom+xml").body(body).post(root + "VMCheckPoints").then()
        .statusCode(400)
        .header("Content-Type", "application/xml;charset=utf-8")
        .body("error.code", equalTo("MalformedPayload"))
        .body("error.message", startsWith("The request body is not a valid Atom XML payload: "))
        .body("error.message", not(containsString("expanded")));
    assertEquals(0, countCheckpoints(root), "nothing is stored, under any name");
  }

  @Test
  void anEntryOutsideTheAtomNamespaceIsRefused() {
    String root = newRoot();
    String body = fixture("atom-create-entry.xml")
        .replace("xmlns=\"http://www.w3.org/2005/Atom\"", "xmlns=\"http://example.com/not-atom\"");
    assertTrue(body.contains("http://example.com/not-atom"), body);
    dotNet4().contentType("application/atom+xml").body(body).post(root + "VMCheckPoints").then()
        .statusCode(400)
        .header("Content-Type", "application/xml;charset=utf-8")
        .body("error.code", equalTo("MalformedPayload"))
        .body("error.message", equalTo("The request body is not a valid Atom XML payload: the body must be an Atom"
            + " <entry> element in the namespace http://www.w3.org/2005/Atom, not <entry>"));
    assertEquals(0, countCheckpoints(root));
  }

  @Test
  void notFoundIsAnXmlODataError() {
    String root = newRoot();
    dotNet4().get(root + "VMCheckPoints(ID=guid%27" + VM + "%27,StampId=guid%27" + STAMP + "%27)").then()
        .statusCode(404)
        .header("Content-Type", "application/xml;charset=utf-8")
        .header("DataServiceVersion", "1.0;")
        .body("error.code", equalTo("ResourceNotFound"))
        .body("error.message.@'xml:lang'", equalTo("en-US"));
  }
}
