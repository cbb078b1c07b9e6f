package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spfemu.EmulatorOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Server-driven paging of navigation collections and links, one entity a page: the next link points
 * at the navigation URL (or the links URL) and keeps the query; an {@code $expand}ed collection
 * inside an entity is not paged [I], and a paged collection's next link keeps the {@code $expand}.
 */
class NavigationPagingTest extends NavigationWorldTest {

  @Override
  EmulatorOptions.Builder options() {
    return super.options().pageSize(1);
  }

  @Test
  void aNavigationCollectionsNextLinkIsItsOwnUrl() {
    JsonNode first = json(get("application/json", root() + WEB + "/VirtualNetworkAdapters?$select=Name"));
    assertEquals("web-01 NIC 1", first.get("value").get(0).get("Name").asText());
    String next = first.get("odata.nextLink").asText();
    assertTrue(next.startsWith(root() + WEB + "/VirtualNetworkAdapters?$select=Name&$skiptoken="), next);
    JsonNode second = json(get("application/json", next));
    assertEquals("web-01 NIC 2", second.get("value").get(0).get("Name").asText());
    assertTrue(!second.has("odata.nextLink"));

    Xml atom = Xml.parse(get(ATOM, root() + WEB + "/VirtualNetworkAdapters"));
    assertTrue(atom.string("/a:feed/a:link[@rel='next']/@href").startsWith(root() + WEB + "/VirtualNetworkAdapters?"));
  }

  @Test
  void linksArePagedToo() {
    Xml first = Xml.parse(request().get(root() + WEB + "/$links/VirtualNetworkAdapters").then().statusCode(200)
        .header("DataServiceVersion", "2.0;").extract().asString());
    assertEquals(List.of(root() + NIC_1), first.strings("/d:links/d:uri"));
    String next = first.string("/d:links/d:next");
    assertTrue(next.startsWith(root() + WEB + "/$links/VirtualNetworkAdapters?$skiptoken="), next);
    assertEquals(List.of(root() + NIC_2), Xml.parse(get("*/*", next)).strings("/d:links/d:uri"));
  }

  @Test
  void expandedCollectionsAreWholeAndTheNextLinkKeepsTheExpand() {
    List<String> vms = new ArrayList<>();
    List<Integer> adapters = new ArrayList<>();
    String next = root() + "VirtualMachines?$expand=VirtualNetworkAdapters&$orderby=Name";
    while (next != null) {
      JsonNode page = json(get("application/json", next));
      assertEquals(1, page.get("value").size());
      JsonNode vm = page.get("value").get(0);
      vms.add(vm.get("Name").asText());
      adapters.add(vm.get("VirtualNetworkAdapters").size());
      next = page.has("odata.nextLink") ? page.get("odata.nextLink").asText() : null;
      assertTrue(next == null || next.contains("$expand=VirtualNetworkAdapters"), next);
    }
    assertEquals(List.of("db-01", "orphan", "web-01"), vms);
    assertEquals(List.of(1, 0, 2), adapters);
  }
}
