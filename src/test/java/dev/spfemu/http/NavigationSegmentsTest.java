package dev.spfemu.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Navigation segments, as WCF Data Services serves them: a to-many navigation property is a
 * collection of the related entities (with every query option of an entity set), a to-one one the
 * related entity, a key after a to-many one picks one of them, and a property, {@code $value} or
 * {@code $count} may follow. A navigation that leads nowhere is 404; writes are 405.
 */
class NavigationSegmentsTest extends NavigationWorldTest {

  private static List<String> names(JsonNode value) {
    List<String> names = new ArrayList<>();
    value.forEach(entity -> names.add(entity.get("Name").asText()));
    return names;
  }

  @Test
  void aToManySegmentIsTheCollectionOfRelatedEntitiesInJsonLight() {
    String body = request().header("Accept", "application/json")
        .get(root() + WEB + "/VirtualNetworkAdapters?$select=Name,MACAddress").then().statusCode(200)
        .header("DataServiceVersion", "3.0;").extract().asString();
    assertEquals(expected("""
        {"odata.metadata":"{root}$metadata#VirtualNetworkAdapters&$select=Name,MACAddress","value":[
          {"MACAddress":"00:1D:D8:B7:1C:01","Name":"web-01 NIC 1"},
          {"MACAddress":"00:1D:D8:B7:1C:02","Name":"web-01 NIC 2"}]}""", root()), json(body));
  }

  @Test
  void aToManySegmentIsAFeedWhoseIdIsItsUrlInAtom() {
    String body = request().header("Accept", ATOM).get(root() + WEB + "/VirtualNetworkAdapters").then()
        .statusCode(200).header("DataServiceVersion", "1.0;")
        .header("Content-Type", "application/atom+xml;type=feed;charset=utf-8").extract().asString();
    Xml feed = Xml.parse(body);
    assertEquals(root() + WEB + "/VirtualNetworkAdapters", feed.string("/a:feed/a:id"));
    assertEquals("VirtualNetworkAdapters", feed.string("/a:feed/a:title"));
    assertEquals("VirtualNetworkAdapters", feed.string("/a:feed/a:link[@rel='self']/@href"));
    assertEquals(List.of(root() + NIC_1, root() + NIC_2), feed.strings("/a:feed/a:entry/a:id"));
    assertEquals(List.of("web-01 NIC 1", "web-01 NIC 2"),
        feed.strings("/a:feed/a:entry/a:content/m:properties/d:Name"));
  }

  @Test
  void aToManySegmentIsABareArrayInVerboseJsonVersionOne() {
    JsonNode d = json(get(VERBOSE, root() + WEB + "/VirtualNetworkAdapters")).get("d");
    assertEquals(2, d.size());
    assertEquals(root() + NIC_1, d.get(0).get("__metadata").get("uri").asText());
    assertEquals("VMM.VirtualNetworkAdapter", d.get(1).get("__metadata").get("type").asText());
  }

  @Test
  void aToOneSegmentIsTheRelatedEntity() {
    JsonNode cloud = json(get("application/json", root() + WEB + "/Cloud"));
    assertEquals(root() + "$metadata#Clouds/@Element", cloud.get("odata.metadata").asText());
    assertEquals("Gold Cloud", cloud.get("Name").asText());
    Xml entry = Xml.parse(request().header("Accept", ATOM).get(root() + WEB + "/Cloud").then().statusCode(200)
        .header("Content-Type", "application/atom+xml;type=entry;charset=utf-8").extract().asString());
    assertEquals(root() + GOLD, entry.string("/a:entry/a:id"));
    assertEquals(root() + GOLD + "/LogicalNetworks",
        root() + entry.string("/a:entry/a:link[@title='LogicalNetworks']/@href"));
    assertEquals(root() + GOLD, json(get(VERBOSE, root() + WEB + "/Cloud")).get("d").get("__metadata").get("uri")
        .asText());
  }

  @Test
  void aNavigationThatLeadsNowhereIs404() {
    request().header("Accept", "application/json").get(root() + ORPHAN + "/Cloud").then().statusCode(404)
        .body("'odata.error'.code", equalTo("ResourceNotFound"))
        .body("'odata.error'.message.value", equalTo("Resource not found for the segment 'Cloud'."));
    request().get(root() + WEB + "/FailedJob").then().statusCode(404);
    request().get(root() + "VirtualMachines(ID=guid'f0000000-0000-4000-8000-0000000000ff',StampId=guid'" + STAMP_A
        + "')/VirtualNetworkAdapters").then().statusCode(404);
  }

  @Test
  void aKeyAfterAToManySegmentPicksOneOfTheRelatedEntities() {
    request().header("Accept", "application/json").get(root() + WEB + "/" + NIC_2).then().statusCode(200)
        .body("'odata.metadata'", equalTo(root() + "$metadata#VirtualNetworkAdapters/@Element"))
        .body("Name", equalTo("web-01 NIC 2"));
    request().header("Accept", "application/json").get(root() + WEB + "/" + DB_NIC).then().statusCode(404)
        .body("'odata.error'.message.value", equalTo("Resource not found for the segment 'VirtualNetworkAdapters'."));
  }

  @Test
  void aPropertyOrValueMayFollowANavigation() {
    request().header("Accept", "application/json").get(root() + WEB + "/Cloud/Name").then().statusCode(200)
        .body("value", equalTo("Gold Cloud"));
    request().get(root() + WEB + "/Cloud/Name/$value").then().statusCode(200).body(equalTo("Gold Cloud"));
    request().header("Accept", "application/json").get(root() + WEB + "/" + NIC_1 + "/MACAddress").then()
        .statusCode(200).body("value", equalTo("00:1D:D8:B7:1C:01"));
  }

  @Test
  void countOfANavigationCollection() {
    request().get(root() + WEB + "/VirtualNetworkAdapters/$count").then().statusCode(200)
        .header("DataServiceVersion", "2.0;").body(equalTo("2"));
    request().get(root() + WEB + "/VirtualNetworkAdapters/$count?$filter=Name%20eq%20'web-01%20NIC%202'").then()
        .statusCode(200).body(equalTo("1"));
    request().get(root() + WEB + "/$links/VirtualNetworkAdapters/$count").then().statusCode(200).body(equalTo("2"));
  }

  @Test
  void aNavigationCollectionTakesTheQueryOptionsOfAnEntitySet() {
    String url = root() + WEB + "/VirtualNetworkAdapters";
    assertEquals(List.of("web-01 NIC 2"), names(json(get("application/json",
        url + "?$filter=startswith(VMNetworkName,'Back')")).get("value")));
    assertEquals(List.of("web-01 NIC 2", "web-01 NIC 1"), names(json(get("application/json",
        url + "?$orderby=Name%20desc")).get("value")));
    JsonNode page = json(get("application/json", url + "?$orderby=Name&$skip=1&$top=1&$inlinecount=allpages"));
    assertEquals("2", page.get("odata.count").asText());
    assertEquals(List.of("web-01 NIC 2"), names(page.get("value")));
  }

  @Test
  void navigationSegmentsMayFollowEachOther() {
    assertEquals(List.of("Tenant Network", "Internet"),
        names(json(get("application/json", root() + WEB + "/Cloud/LogicalNetworks")).get("value")));
    assertEquals(List.of("Template NIC"),
        names(json(get("application/json", root() + TEMPLATE + "/VirtualNetworkAdapters")).get("value")));
  }

  @ParameterizedTest
  @CsvSource({"VMCheckpoints, 1", "VirtualSCSIAdapters, 1", "VirtualHardDisks, 1", "VirtualDVDDrives, 1",
      "VirtualDiskDrives, 1", "VirtualNetworkAdapters, 2"})
  void everyToManyNavigationOfAVmLeadsToItsOwnEntities(String navigation, int count) {
    assertEquals(count, json(get("application/json", root() + WEB + "/" + navigation)).get("value").size());
    assertEquals(0, json(get("application/json", root() + ORPHAN + "/" + navigation)).get("value").size());
  }

  @Test
  void theMostRecentTaskIsTheJob() {
    request().header("Accept", "application/json").get(root() + WEB + "/MostRecentTask").then().statusCode(200)
        .body("'odata.metadata'", equalTo(root() + "$metadata#Jobs/@Element"))
        .body("Name", equalTo("Create virtual machine"));
  }

  @Test
  void anotherSubscriptionDoesNotSeeTheVmNorItsAdapters() {
    request().get(spf.serviceRoot(OTHER_TENANT) + WEB + "/VirtualNetworkAdapters").then().statusCode(404);
  }

  @Test
  void spfsOwnRootNavigatesInTheSubscriptionThatHoldsTheEntity() {
    assertEquals(List.of("dev-01 NIC"),
        names(json(get("application/json", spfRoot() + DEV + "/VirtualNetworkAdapters")).get("value")));
    request().header("Accept", "application/json").get(spfRoot() + WEB + "/Cloud").then().statusCode(200)
        .body("Name", equalTo("Gold Cloud"));
  }

  @Test
  void navigationIsReadOnly() {
    request().contentType("application/json").body("{\"Name\":\"nic\"}").post(root() + WEB + "/VirtualNetworkAdapters")
        .then().statusCode(405).header("Allow", "GET")
        .body(containsString("VirtualNetworkAdapter.VMId, StampId"));
    request().delete(root() + WEB + "/Cloud").then().statusCode(405).header("Allow", "GET");
    request().contentType("application/json").body("{\"Name\":\"x\"}").header("X-HTTP-Method", "MERGE")
        .post(root() + WEB + "/" + NIC_1).then().statusCode(405);
    request().get(root() + WEB + "/Cloud").then().statusCode(200);
  }
}
