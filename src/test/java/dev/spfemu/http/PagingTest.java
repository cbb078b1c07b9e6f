package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spfemu.EmulatorOptions;
import io.restassured.path.xml.XmlPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Server-driven paging: next links a client follows verbatim, losing and repeating nothing. */
class PagingTest extends EmulatorHttpTest {

  private static final int PAGE = 3;

  @Override
  EmulatorOptions.Builder options() {
    return EmulatorOptions.builder().pageSize(PAGE);
  }

  private String rootWith(int checkpoints) {
    String root = newRoot();
    for (int i = 0; i < checkpoints; i++) {
      createCheckpoint(root, String.format("cp %02d", i));
    }
    return root;
  }

  /** Follows JSON light next links from {@code url}; returns every Name seen, page by page. */
  private List<List<String>> followJsonLight(String url) {
    List<List<String>> pages = new ArrayList<>();
    String next = url;
    while (next != null) {
      JsonNode page = json(jsonLight().get(next).then().statusCode(200).extract().asString());
      List<String> names = new ArrayList<>();
      page.get("value").forEach(entity -> names.add(entity.get("Name").asText()));
      pages.add(names);
      next = page.has("odata.nextLink") ? page.get("odata.nextLink").asText() : null;
      assertTrue(pages.size() < 20, "paging must end");
    }
    return pages;
  }

  @Test
  void jsonLightPagesEndToEnd() {
    String root = rootWith(8);
    List<List<String>> pages = followJsonLight(root + "VMCheckPoints?$orderby=Name");
    assertEquals(List.of(List.of("cp 00", "cp 01", "cp 02"), List.of("cp 03", "cp 04", "cp 05"),
        List.of("cp 06", "cp 07")), pages);
  }

  @Test
  void nextLinkKeepsTheFilterAndTheCountAndIsAbsolute() {
    String root = rootWith(8);
    String body = jsonLight().get(root + "VMCheckPoints?$filter=Name%20ne%20'cp%2000'&$orderby=Name%20desc"
        + "&$inlinecount=allpages").then().statusCode(200).extract().asString();
    JsonNode page = json(body);
    assertEquals("7", page.get("odata.count").asText());
    String next = page.get("odata.nextLink").asText();
    assertTrue(next.startsWith(root + "VMCheckPoints?"), next);
    assertTrue(next.contains("$filter=Name%20ne%20'cp%2000'"), next);
    assertTrue(next.contains("$skiptoken="), next);
    List<String> names = new ArrayList<>();
    followJsonLight(next).forEach(names::addAll);
    assertEquals(List.of("cp 04", "cp 03", "cp 02", "cp 01"), names);
  }

  @Test
  void topLargerThanAPageIsCarriedIntoTheNextLink() {
    String root = rootWith(8);
    List<List<String>> pages = followJsonLight(root + "VMCheckPoints?$orderby=Name&$top=5&$skip=1");
    assertEquals(List.of(List.of("cp 01", "cp 02", "cp 03"), List.of("cp 04", "cp 05")), pages);
  }

  @Test
  void nothingIsLostOrRepeatedWhileEntitiesAreCreated() {
    String root = rootWith(7);
    Set<String> seen = new HashSet<>();
    List<String> order = new ArrayList<>();
    String next = root + "VMCheckPoints";
    int created = 0;
    while (next != null) {
      JsonNode page = json(jsonLight().get(next).then().statusCode(200).extract().asString());
      for (JsonNode entity : page.get("value")) {
        assertTrue(seen.add(entity.get("ID").asText()), "repeated " + entity);
        order.add(entity.get("ID").asText());
      }
      createCheckpoint(root, "added " + created++);
      next = page.has("odata.nextLink") ? page.get("odata.nextLink").asText() : null;
    }
    List<String> sorted = new ArrayList<>(order);
    sorted.sort(null);
    assertEquals(sorted, order, "pages follow key order");
    assertTrue(seen.size() >= 7, "every original entity is seen");
    JsonNode all = json(jsonLight().get(root + "VMCheckPoints?$top=100").then().extract().asString());
    assertEquals(7 + created, countAcrossPages(root));
    assertNotNull(all);
  }

  private int countAcrossPages(String root) {
    int count = 0;
    for (List<String> page : followJsonLight(root + "VMCheckPoints")) {
      count += page.size();
    }
    return count;
  }

  @Test
  void atomFeedHasANextLinkTheDotNet4ClientFollows() {
    String root = rootWith(4);
    String first = dotNet4().get(root + "VMCheckPoints").then().statusCode(200)
        .header("DataServiceVersion", "2.0;").extract().asString();
    XmlPath feed = new XmlPath(first);
    assertEquals(PAGE, feed.getList("feed.entry").size());
    String next = feed.getString("feed.link.find { it.@rel == 'next' }.@href");
    assertTrue(next.startsWith(root + "VMCheckPoints?$skiptoken="), next);
    String second = dotNet4().get(next).then().statusCode(200).extract().asString();
    XmlPath last = new XmlPath(second);
    assertEquals(1, last.getList("feed.entry").size());
    assertNull(last.getString("feed.link.find { it.@rel == 'next' }.@href"));
  }

  @Test
  void verboseFeedHasNext() {
    String root = rootWith(4);
    JsonNode d = json(request().header("Accept", "application/json;odata=verbose").get(root + "VMCheckPoints")
        .then().statusCode(200).header("DataServiceVersion", "2.0;").extract().asString()).get("d");
    assertEquals(PAGE, d.get("results").size());
    String next = d.get("__next").asText();
    JsonNode rest = json(request().header("Accept", "application/json;odata=verbose").get(next)
        .then().statusCode(200).extract().asString()).get("d");
    assertEquals(1, rest.get("results").size());
    assertNull(rest.get("__next"));
  }

  @Test
  void aPageThatFitsHasNoNextLink() {
    String root = rootWith(3);
    String body = jsonLight().get(root + "VMCheckPoints").then().statusCode(200).extract().asString();
    assertFalse(json(body).has("odata.nextLink"));
  }
}
