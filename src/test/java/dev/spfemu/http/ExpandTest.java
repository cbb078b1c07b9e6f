package dev.spfemu.http;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code $expand}: the related entities written inline, one or several navigation properties, nested
 * ({@code Cloud/LogicalNetworks}), with {@code $select} of and within them, on collections and single
 * entities, in the three formats, with WCF Data Services' response versions ({@code $expand} alone is
 * 1.0 in Atom and verbose JSON). Related collections are in key order.
 */
class ExpandTest extends NavigationWorldTest {

  private static final String VM_NAVIGATION = "VirtualNetworkAdapters,VMCheckpoints,VirtualSCSIAdapters,"
      + "VirtualHardDisks,VirtualDVDDrives,VirtualDiskDrives,Cloud,MostRecentTask,FailedJob";

  private static List<String> names(JsonNode entities) {
    List<String> names = new ArrayList<>();
    entities.forEach(entity -> names.add(entity.get("Name").asText()));
    return names;
  }

  @Test
  void oneEntityWithExpandedAndSelectedNavigationInJsonLightWithoutMetadata() {
    JsonNode body = json(request().header("Accept", NO_METADATA).get(root() + WEB
        + "?$expand=VirtualNetworkAdapters,Cloud&$select=Name,VirtualNetworkAdapters/Name,VirtualNetworkAdapters/MACAddress,Cloud/Name")
        .then().statusCode(200).header("DataServiceVersion", "3.0;").extract().asString());
    assertEquals(expected("""
        {"VirtualNetworkAdapters":[{"MACAddress":"00:1D:D8:B7:1C:01","Name":"web-01 NIC 1"},
                                   {"MACAddress":"00:1D:D8:B7:1C:02","Name":"web-01 NIC 2"}],
         "Cloud":{"Name":"Gold Cloud"},
         "Name":"web-01"}""", root()), body);
    assertEquals(List.of("VirtualNetworkAdapters", "Cloud", "Name"), fieldNames(body),
        "navigation properties before the properties, in model order, as WCF Data Services writes them");
    assertEquals(List.of("MACAddress", "Name"), fieldNames(body.get("VirtualNetworkAdapters").get(0)),
        "selected properties in model order");
  }

  @Test
  void fullMetadataAnnotatesEveryNavigationPropertyWithItsRelativeLinkBeforeItsValue() {
    JsonNode vm = json(get(FULL, root() + WEB + "?$expand=VirtualNetworkAdapters,FailedJob"));
    List<String> fields = fieldNames(vm);
    assertEquals(List.of("odata.metadata", "odata.type", "odata.id", "odata.editLink",
        "VirtualNetworkAdapters@odata.navigationLinkUrl", "VirtualNetworkAdapters",
        "VMCheckpoints@odata.navigationLinkUrl", "VirtualSCSIAdapters@odata.navigationLinkUrl",
        "VirtualHardDisks@odata.navigationLinkUrl", "VirtualDVDDrives@odata.navigationLinkUrl",
        "VirtualDiskDrives@odata.navigationLinkUrl", "Cloud@odata.navigationLinkUrl",
        "MostRecentTask@odata.navigationLinkUrl", "FailedJob@odata.navigationLinkUrl", "FailedJob"),
        fields.subList(0, 15));
    assertEquals("ID@odata.type", fields.get(15), "then the properties");
    assertEquals(WEB + "/VirtualNetworkAdapters", vm.get("VirtualNetworkAdapters@odata.navigationLinkUrl").asText());
    assertEquals(WEB + "/Cloud", vm.get("Cloud@odata.navigationLinkUrl").asText());
    assertTrue(vm.get("FailedJob").isNull(), "a to-one leading nowhere is null");
    JsonNode nic = vm.get("VirtualNetworkAdapters").get(0);
    assertEquals(List.of("odata.type", "odata.id", "odata.editLink"), fieldNames(nic).subList(0, 3));
    assertEquals(root() + NIC_1, nic.get("odata.id").asText());
    assertEquals(NIC_1, nic.get("odata.editLink").asText());
    assertEquals("Collection(Edm.String)", nic.get("IPv4Addresses@odata.type").asText());
  }

  @Test
  void minimalMetadataWritesNoNavigationLinksOnlyExpandedValues() {
    JsonNode vm = json(get("application/json", root() + WEB + "?$expand=MostRecentTask"));
    assertEquals(root() + "$metadata#VirtualMachines/@Element", vm.get("odata.metadata").asText());
    assertEquals("Create virtual machine", vm.get("MostRecentTask").get("Name").asText());
    assertEquals(List.of("odata.metadata", "MostRecentTask", "ID"), fieldNames(vm).subList(0, 3));
    fieldNames(vm).forEach(name -> assertTrue(!name.contains("navigationLinkUrl"), name));
  }

  @Test
  void severalNavigationPropertiesOfACollectionAsTheTenantModuleAsksForThem() {
    JsonNode value = json(get("application/json", root() + "VirtualMachines?$filter=Name%20ne%20'orphan'"
        + "&$expand=VirtualNetworkAdapters,VirtualDVDDrives,VirtualDiskDrives,VirtualHardDisks")).get("value");
    assertEquals(List.of("web-01", "db-01"), names(value));
    JsonNode web = value.get(0);
    assertEquals(List.of("web-01 NIC 1", "web-01 NIC 2"), names(web.get("VirtualNetworkAdapters")));
    assertEquals(1, web.get("VirtualDVDDrives").size());
    assertEquals(List.of("System disk"), names(web.get("VirtualDiskDrives")));
    assertEquals(List.of("web-01.vhdx"), names(web.get("VirtualHardDisks")));
    assertEquals(List.of("db-01 NIC"), names(value.get(1).get("VirtualNetworkAdapters")));
    assertEquals(0, value.get(1).get("VirtualDVDDrives").size());
    assertTrue(!web.has("VMCheckpoints"), "not expanded, and minimal metadata writes no link");
  }

  @Test
  void nestedExpansion() {
    JsonNode value = json(get("application/json", root() + "VirtualMachines?$expand=Cloud/LogicalNetworks"
        + "&$select=Name,Cloud/Name,Cloud/LogicalNetworks&$orderby=Name")).get("value");
    assertEquals(expected("""
        [{"Cloud":{"LogicalNetworks":[
            {"ID":"11111111-0000-4000-8000-000000000001","StampId":"d70c1a9b-c241-48f5-880a-b6c36071e653",
             "CloudId":"c1c1c1c1-0000-4000-8000-000000000001","Description":null,"Name":"Tenant Network",
             "NetworkVirtualizationEnabled":true},
            {"ID":"11111111-0000-4000-8000-000000000002","StampId":"d70c1a9b-c241-48f5-880a-b6c36071e653",
             "CloudId":"c1c1c1c1-0000-4000-8000-000000000001","Description":null,"Name":"Internet",
             "NetworkVirtualizationEnabled":false}],
           "Name":"Gold Cloud"},"Name":"db-01"},
         {"Cloud":null,"Name":"orphan"},
         {"Cloud":{"LogicalNetworks":[
            {"ID":"11111111-0000-4000-8000-000000000001","StampId":"d70c1a9b-c241-48f5-880a-b6c36071e653",
             "CloudId":"c1c1c1c1-0000-4000-8000-000000000001","Description":null,"Name":"Tenant Network",
             "NetworkVirtualizationEnabled":true},
            {"ID":"11111111-0000-4000-8000-000000000002","StampId":"d70c1a9b-c241-48f5-880a-b6c36071e653",
             "CloudId":"c1c1c1c1-0000-4000-8000-000000000001","Description":null,"Name":"Internet",
             "NetworkVirtualizationEnabled":false}],
           "Name":"Gold Cloud"},"Name":"web-01"}]""", root()), value);
  }

  @Test
  void verboseJsonDefersWhatIsNotExpandedAndWritesCollectionsByVersion() {
    JsonNode v1 = request().header("Accept", VERBOSE).get(root() + WEB + "?$expand=VirtualNetworkAdapters,Cloud")
        .then().statusCode(200).header("DataServiceVersion", "1.0;").extract().as(JsonNode.class);
    JsonNode vm = v1.get("d");
    assertEquals(List.of("__metadata", "VirtualNetworkAdapters", "VMCheckpoints"), fieldNames(vm).subList(0, 3));
    assertTrue(vm.get("VirtualNetworkAdapters").isArray(), "a bare array in a 1.0 response");
    assertEquals("web-01 NIC 2", vm.get("VirtualNetworkAdapters").get(1).get("Name").asText());
    assertEquals("Gold Cloud", vm.get("Cloud").get("Name").asText());
    assertEquals(json("{\"__deferred\":{\"uri\":\"" + root() + WEB + "/VMCheckpoints\"}}"), vm.get("VMCheckpoints"));
    assertTrue(vm.get("FailedJob").has("__deferred"));

    JsonNode v2 = json(get(VERBOSE, root() + "VirtualMachines?$expand=VirtualNetworkAdapters,FailedJob"
        + "&$select=Name,VirtualNetworkAdapters/Name,FailedJob&$filter=Name%20eq%20'web-01'"));
    assertEquals(expected("""
        {"d":{"results":[{"__metadata":{"id":"{root}%1$s","uri":"{root}%1$s","type":"VMM.VirtualMachine"},
          "VirtualNetworkAdapters":{"results":[
            {"__metadata":{"id":"{root}%2$s","uri":"{root}%2$s","type":"VMM.VirtualNetworkAdapter"},"Name":"web-01 NIC 1"},
            {"__metadata":{"id":"{root}%3$s","uri":"{root}%3$s","type":"VMM.VirtualNetworkAdapter"},"Name":"web-01 NIC 2"}]},
          "FailedJob":null,
          "Name":"web-01"}]}}""".formatted(WEB, NIC_1, NIC_2), root()), v2);
  }

  @Test
  void atomLinksEveryNavigationPropertyAndInlinesTheExpandedOnes() {
    String body = request().header("Accept", ATOM).get(root() + WEB + "?$expand=VirtualNetworkAdapters,FailedJob,Cloud")
        .then().statusCode(200).header("DataServiceVersion", "1.0;").extract().asString();
    Xml entry = Xml.parse(body);
    List<String> rels = entry.strings("/a:entry/a:link[starts-with(@rel,'" + RELATED + "')]/@title");
    assertEquals(List.of(VM_NAVIGATION.split(",")), rels);
    String adapters = "/a:entry/a:link[@rel='" + RELATED + "VirtualNetworkAdapters']";
    assertEquals("application/atom+xml;type=feed", entry.string(adapters + "/@type"));
    assertEquals(WEB + "/VirtualNetworkAdapters", entry.string(adapters + "/@href"));
    assertEquals(root() + WEB + "/VirtualNetworkAdapters", entry.string(adapters + "/m:inline/a:feed/a:id"));
    assertEquals("VirtualNetworkAdapters", entry.string(adapters + "/m:inline/a:feed/a:title"));
    assertEquals(WEB + "/VirtualNetworkAdapters", entry.string(adapters + "/m:inline/a:feed/a:link[@rel='self']/@href"));
    assertEquals(List.of("web-01 NIC 1", "web-01 NIC 2"),
        entry.strings(adapters + "/m:inline/a:feed/a:entry/a:content/m:properties/d:Name"));
    assertEquals(List.of("10.0.0.4"), entry.strings(adapters
        + "/m:inline/a:feed/a:entry[1]/a:content/m:properties/d:IPv4Addresses/d:element"));
    String cloud = "/a:entry/a:link[@rel='" + RELATED + "Cloud']";
    assertEquals("application/atom+xml;type=entry", entry.string(cloud + "/@type"));
    assertEquals(root() + GOLD, entry.string(cloud + "/m:inline/a:entry/a:id"));
    assertEquals(1, entry.count(cloud + "/m:inline/a:entry/a:link[@title='LogicalNetworks']"));
    String failed = "/a:entry/a:link[@rel='" + RELATED + "FailedJob']";
    assertEquals(1, entry.count(failed + "/m:inline"));
    assertEquals(0, entry.count(failed + "/m:inline/*"), "an empty m:inline for a to-one leading nowhere");
    assertEquals(0, entry.count("/a:entry/a:link[@rel='" + RELATED + "VMCheckpoints']/*"), "not expanded");
    assertTrue(body.indexOf("related/FailedJob") < body.lastIndexOf("<title/>"), "links come before the entry's content");
  }

  @Test
  void everyEntryCarriesItsNavigationLinksWithoutExpand() {
    Xml feed = Xml.parse(get(ATOM, root() + "VirtualMachines"));
    assertEquals(3 * 9, feed.count("/a:feed/a:entry/a:link[starts-with(@rel,'" + RELATED + "')]"));
    JsonNode full = json(get(FULL, root() + "Clouds")).get("value").get(0);
    assertEquals(GOLD + "/LogicalNetworks", full.get("LogicalNetworks@odata.navigationLinkUrl").asText());
    JsonNode verbose = json(get(VERBOSE, root() + DB)).get("d");
    assertEquals(root() + DB + "/VirtualNetworkAdapters",
        verbose.get("VirtualNetworkAdapters").get("__deferred").get("uri").asText());
    JsonNode checkpoint = json(get(FULL, root() + "VMCheckPoints")).get("value").get(0);
    fieldNames(checkpoint).forEach(name -> assertTrue(!name.contains("navigationLinkUrl"), "checkpoints have none"));
  }

  @Test
  void selectWithoutItsNavigationPropertyLeavesTheExpansionOut() {
    JsonNode vm = json(get(NO_METADATA, root() + WEB + "?$expand=VirtualNetworkAdapters&$select=Name"));
    assertEquals(expected("{\"Name\":\"web-01\"}", root()), vm);
    JsonNode links = json(get(FULL, root() + WEB + "?$select=Name,Cloud"));
    assertEquals(List.of("odata.metadata", "odata.type", "odata.id", "odata.editLink", "Cloud@odata.navigationLinkUrl",
        "Name"), fieldNames(links), "only the selected navigation property is linked");
  }

  @Test
  void responseVersions() {
    request().header("Accept", ATOM).get(root() + "VirtualMachines?$expand=VirtualNetworkAdapters").then()
        .statusCode(200).header("DataServiceVersion", "1.0;");
    request().header("Accept", ATOM).header("MaxDataServiceVersion", "1.0")
        .get(root() + WEB + "?$expand=Cloud").then().statusCode(200).header("DataServiceVersion", "1.0;");
    request().header("Accept", ATOM).get(root() + WEB + "?$expand=Cloud&$select=Name,Cloud").then()
        .statusCode(200).header("DataServiceVersion", "2.0;");
    request().header("Accept", "application/json").get(root() + WEB + "?$expand=Cloud").then()
        .statusCode(200).header("DataServiceVersion", "3.0;");
  }

  @Test
  void whatCannotBeExpandedIs400() {
    request().header("Accept", "application/json").get(root() + "VirtualMachines?$expand=Name").then()
        .statusCode(400);
    request().header("Accept", "application/json").get(root() + "VirtualMachines?$expand=Nope").then()
        .statusCode(400).body("'odata.error'.code", org.hamcrest.Matchers.equalTo("InvalidQuery"));
    request().header("Accept", "application/json").get(root() + "VirtualMachines?$select=VirtualNetworkAdapters/Name")
        .then().statusCode(400)
        .body("'odata.error'.message.value", containsString("Only properties specified in $expand can be traversed"));
  }

  @Test
  void expandOnTheAllSubscriptionsRootFindsEachVmsOwnAdapters() {
    JsonNode value = json(get("application/json", spfRoot() + "VirtualMachines?$expand=VirtualNetworkAdapters"
        + "&$select=Name,VirtualNetworkAdapters/Name&$orderby=Name")).get("value");
    assertEquals(List.of("db-01", "dev-01", "orphan", "web-01"), names(value));
    assertEquals(List.of("dev-01 NIC"), names(value.get(1).get("VirtualNetworkAdapters")));
    assertEquals(List.of("web-01 NIC 1", "web-01 NIC 2"), names(value.get(3).get("VirtualNetworkAdapters")));
  }

  @Test
  void aNavigationCollectionCanBeExpandedFurther() {
    JsonNode value = json(get(NO_METADATA, root() + WEB + "/Cloud/LogicalNetworks?$select=Name")).get("value");
    assertEquals(List.of("Tenant Network", "Internet"), names(value));
    JsonNode template = json(get(NO_METADATA, root() + "VMTemplates?$expand=VirtualNetworkAdapters"
        + "&$select=Name,VirtualNetworkAdapters/Name")).get("value").get(0);
    assertEquals(List.of("Template NIC"), names(template.get("VirtualNetworkAdapters")));
  }
}
