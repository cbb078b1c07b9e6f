package dev.spfemu.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code $links}: the URLs of the entities a navigation property leads to, as WCF Data Services
 * answers them: {@code <links><uri>…</uri></links>} in XML (the default; links have no Atom form),
 * {@code value[].url} in JSON light, {@code uri} objects in verbose JSON; one URL for a to-one
 * navigation or a key after a to-many one. Read-only: changing links is 405.
 */
class LinksTest extends NavigationWorldTest {

  private static final String DATA = "http://schemas.microsoft.com/ado/2007/08/dataservices";

  @Test
  void linksOfAToManyNavigationInXml() {
    String body = request().get(root() + WEB + "/$links/VirtualNetworkAdapters").then().statusCode(200)
        .header("Content-Type", "application/xml;charset=utf-8").header("DataServiceVersion", "1.0;")
        .extract().asString();
    Xml links = Xml.parse(body);
    assertEquals(DATA, links.string("namespace-uri(/*)"));
    assertEquals("links", links.string("local-name(/*)"));
    assertEquals(List.of(root() + NIC_1, root() + NIC_2), links.strings("/d:links/d:uri"));
  }

  @Test
  void theLinkOfAToOneNavigationInXml() {
    Xml link = Xml.parse(request().header("Accept", "application/atom+xml,application/xml")
        .get(root() + WEB + "/$links/Cloud").then().statusCode(200).extract().asString());
    assertEquals(root() + GOLD, link.string("/d:uri"));
    assertEquals(root() + NIC_2, Xml.parse(request().get(root() + WEB + "/$links/" + NIC_2).then().statusCode(200)
        .extract().asString()).string("/d:uri"));
  }

  @Test
  void linksInJsonLight() {
    assertEquals(expected("""
        {"odata.metadata":"{root}$metadata#VirtualMachines/$links/VirtualNetworkAdapters",
         "value":[{"url":"{root}%s"},{"url":"{root}%s"}]}""".formatted(NIC_1, NIC_2), root()),
        json(get("application/json", root() + WEB + "/$links/VirtualNetworkAdapters")));
    assertEquals(expected("""
        {"odata.metadata":"{root}$metadata#VirtualMachines/$links/Cloud","url":"{root}%s"}""".formatted(GOLD),
        root()), json(get("application/json", root() + WEB + "/$links/Cloud")));
  }

  @Test
  void linksInVerboseJson() {
    assertEquals(expected("""
        {"d":[{"uri":"{root}%s"},{"uri":"{root}%s"}]}""".formatted(NIC_1, NIC_2), root()),
        json(get(VERBOSE, root() + WEB + "/$links/VirtualNetworkAdapters")));
    assertEquals(expected("""
        {"d":{"__count":"2","results":[{"uri":"{root}%s"}]}}""".formatted(NIC_2), root()),
        json(get(VERBOSE, root() + WEB + "/$links/VirtualNetworkAdapters?$inlinecount=allpages&$skip=1")));
    assertEquals(expected("""
        {"d":{"uri":"{root}%s"}}""".formatted(GOLD), root()), json(get(VERBOSE, root() + WEB + "/$links/Cloud")));
  }

  @Test
  void linksTakeFilterOrderTopAndSkip() {
    assertEquals(List.of(root() + NIC_2), Xml.parse(request()
        .get(root() + WEB + "/$links/VirtualNetworkAdapters?$filter=VMNetworkName%20eq%20'Backend'").then()
        .statusCode(200).extract().asString()).strings("/d:links/d:uri"));
    Xml counted = Xml.parse(request().get(root() + WEB + "/$links/VirtualNetworkAdapters?$orderby=Name%20desc&$top=1"
        + "&$inlinecount=allpages").then().statusCode(200).header("DataServiceVersion", "2.0;").extract().asString());
    assertEquals("2", counted.string("/d:links/m:count"));
    assertEquals(List.of(root() + NIC_2), counted.strings("/d:links/d:uri"));
  }

  @Test
  void aLinkThatLeadsNowhereIs404AndAtomAloneIsNotAcceptable() {
    request().get(root() + WEB + "/$links/FailedJob").then().statusCode(404);
    request().get(root() + WEB + "/$links/" + DB_NIC).then().statusCode(404);
    request().header("Accept", "application/atom+xml").get(root() + WEB + "/$links/Cloud").then().statusCode(406);
  }

  @Test
  void linksAreReadOnly() {
    request().contentType("application/xml").body("<uri xmlns=\"" + DATA + "\">" + root() + DB_NIC + "</uri>")
        .post(root() + WEB + "/$links/VirtualNetworkAdapters").then().statusCode(405).header("Allow", "GET")
        .body(containsString("read-only"));
    request().contentType("application/json").body("{\"url\":\"" + root() + GOLD + "\"}")
        .put(root() + WEB + "/$links/Cloud").then().statusCode(405);
    request().delete(root() + WEB + "/$links/" + NIC_1).then().statusCode(405);
    request().header("Accept", "application/json").get(root() + WEB + "/VirtualNetworkAdapters/$count")
        .then().body(equalTo("2"));
  }
}
