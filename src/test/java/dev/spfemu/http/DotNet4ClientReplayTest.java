package dev.spfemu.http;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The .NET 4 WCF Data Services client's recorded traffic (CLIENTS.md §B), replayed request by
 * request in its order — create, list, LINQ filter, get by key, MERGE, DELETE, 404, malformed
 * bodies — each answer checked against what that client needs to succeed.
 */
class DotNet4ClientReplayTest extends EmulatorHttpTest {

  /** The headers common to every request of that client. */
  private RequestSpecification client() {
    return request()
        .header("User-Agent", "Microsoft ADO.NET Data Services")
        .header("DataServiceVersion", "1.0;NetFx")
        .header("MaxDataServiceVersion", "2.0;NetFx")
        .header("Authorization", "Bearer <token>")
        .header("x-ms-principal-id", "tenant@fabrikam.com")
        .header("Accept", "application/atom+xml,application/xml")
        .header("Accept-Charset", "UTF-8");
  }

  /** What every answer with a body must be for this client: a version it supports, and Atom or XML. */
  private static void readableByTheClient(Response response) {
    response.then().header("DataServiceVersion", anyOf(equalTo("1.0;"), equalTo("2.0;")));
    String contentType = response.header("Content-Type");
    assertNotNull(contentType, "an answer with a body says what it is");
    assertTrue(contentType.startsWith("application/atom+xml") || contentType.startsWith("application/xml"),
        contentType);
    assertFalse(response.asString().isEmpty());
  }

  /** What every answer without a body must be for this client: a version it supports, no content, no type. */
  private static void emptyForTheClient(Response response) {
    response.then().statusCode(204).header("DataServiceVersion", anyOf(equalTo("1.0;"), equalTo("2.0;")))
        .header("Content-Type", nullValue()).body(emptyString());
  }

  /** Every entry (there is at least one) has an id and an edit link, relative to xml:base. */
  private static void entriesHaveIdsAndEditLinks(XmlPath xml, String root, String entries) {
    List<String> ids = xml.getList(entries + ".id");
    List<String> edits = xml.getList(entries + ".link.findAll { it.@rel == 'edit' }.@href");
    assertFalse(ids.isEmpty(), "entries at " + entries);
    assertEquals(ids.size(), edits.size());
    for (int i = 0; i < ids.size(); i++) {
      assertEquals(ids.get(i), root + edits.get(i));
    }
  }

  @Test
  void theRecordedSessionSucceeds() {
    String root = newRoot();

    // 1. create (AddToVMCheckPoints + SaveChanges)
    Response created = client().header("Expect", "100-continue").header("Connection", "keep-alive")
        .contentType("application/atom+xml").body(fixture("atom-create-entry.xml"))
        .post(root + "VMCheckPoints");
    created.then().statusCode(201)
        .header("Location", matchesPattern("http://.*/VMCheckPoints\\(ID=guid'" + GUID + "',StampId=guid'" + STAMP + "'\\)"));
    readableByTheClient(created);
    String location = created.header("Location");
    XmlPath entry = new XmlPath(created.asString());
    assertEquals(location, entry.getString("entry.id"));
    assertEquals("VMM.VMCheckPoint", entry.getString("entry.category.@term"));
    entriesHaveIdsAndEditLinks(entry, entry.getString("entry.@'xml:base'"), "entry");
    String id = entry.getString("entry.content.properties.ID");
    assertTrue(location.contains(id));
    assertEquals("Public", entry.getString("entry.content.properties.Accessibility"));
    assertEquals("true", entry.getString("entry.content.properties.Enabled"));
    assertTrue(entry.getString("entry.content.properties.AddedTime").matches(SPF_DATE_TIME),
        entry.getString("entry.content.properties.AddedTime"));

    // 2. list the collection
    Response list = client().get(root + "VMCheckPoints");
    list.then().statusCode(200);
    readableByTheClient(list);
    XmlPath feed = new XmlPath(list.asString());
    assertEquals(1, feed.getList("feed.entry").size());
    entriesHaveIdsAndEditLinks(feed, feed.getString("feed.@'xml:base'"), "feed.entry");

    // 3. LINQ filter on VMId: empty parentheses, %20 and %27
    Response filtered = client().get(root + "VMCheckPoints()?$filter=VMId%20eq%20guid%27" + VM + "%27");
    filtered.then().statusCode(200);
    readableByTheClient(filtered);
    assertEquals(id, new XmlPath(filtered.asString()).getString("feed.entry.content.properties.ID"));
    client().get(root + "VMCheckPoints()?$filter=VMId%20eq%20guid%27" + STAMP + "%27").then()
        .statusCode(200).body("feed.entry.size()", equalTo(0));

    // 4. load one by key, quotes percent-encoded
    String byKey = root + "VMCheckPoints(ID=guid%27" + id + "%27,StampId=guid%27" + STAMP + "%27)";
    Response loaded = client().get(byKey);
    loaded.then().statusCode(200);
    readableByTheClient(loaded);
    assertEquals(location, new XmlPath(loaded.asString()).getString("entry.id"));

    // 5. MERGE of the whole entity to the edit link, dates with 6 fractional digits
    String merge = fixture("atom-create-entry.xml")
        .replace("<id />", "<id>" + location + "</id>")
        .replace("00000000-0000-0000-0000-000000000000", id)
        .replace("<d:AddedTime m:type=\"Edm.DateTime\" m:null=\"true\" />",
            "<d:AddedTime m:type=\"Edm.DateTime\">2026-11-28T07:14:21.706406+00:00</d:AddedTime>")
        .replace("<d:ModifiedTime m:type=\"Edm.DateTime\" m:null=\"true\" />",
            "<d:ModifiedTime m:type=\"Edm.DateTime\">2026-11-28T07:14:21.706488+00:00</d:ModifiedTime>")
        .replace("<d:Description m:null=\"true\" />", "<d:Description>Updated 2026-11-28T07:14:22.1022160Z</d:Description>");
    Response merged = client().header("Expect", "100-continue").contentType("application/atom+xml").body(merge)
        .request("MERGE", location);
    emptyForTheClient(merged);
    client().get(byKey).then().statusCode(200)
        .body("entry.content.properties.Description", equalTo("Updated 2026-11-28T07:14:22.1022160Z"));

    // 6. delete with a Content-Type and an empty body, then the 404 the client expects
    Response deleted = client().contentType("application/atom+xml").header("Content-Length", "0")
        .delete(location);
    emptyForTheClient(deleted);
    Response gone = client().get(byKey);
    gone.then().statusCode(404).body("error.code", not(emptyString()));
    readableByTheClient(gone);

    // 7. malformed bodies: 4xx with an OData error, never 500
    String seed = fixture("seed-request.json");
    jsonLight().header("DataServiceVersion", "3.0;NetFx").body(seed.substring(0, seed.indexOf("\"VMId\":") + 7))
        .post(root + "VMCheckPoints").then()
        .statusCode(400).header("Content-Type", startsWith("application/json")).body("'odata.error'.code",
            equalTo("MalformedPayload"));
    String atom = fixture("atom-create-entry.xml");
    Response truncated = client().contentType("application/atom+xml").body(atom.substring(0, atom.length() / 2))
        .post(root + "VMCheckPoints");
    truncated.then().statusCode(400).body("error.code", equalTo("MalformedPayload"));
    readableByTheClient(truncated);
  }
}
