package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    Set<String> original = Set.copyOf(allIds(root));
    assertEquals(7, original.size());
    Set<String> seen = new HashSet<>();
    List<String> order = new ArrayList<>();
    String next = root + "VMCheckPoints";
    int created = 0;
    while (next != null) {
      JsonNode page = json(jsonLight().get(next).then().statusCode(200).extract().asString());
      assertFalse(page.get("value").isEmpty(), "a page of a walk that goes on is not empty");
      for (JsonNode entity : page.get("value")) {
        assertTrue(seen.add(entity.get("ID").asText()), "repeated " + entity);
        order.add(entity.get("ID").asText());
      }
      createCheckpoint(root, "added " + created++);
      next = page.has("odata.nextLink") ? page.get("odata.nextLink").asText() : null;
      assertTrue(created < 20, "paging must end");
    }
    assertTrue(created >= 3, "seven entities in pages of three are at least three pages: " + created);
    List<String> sorted = new ArrayList<>(order);
    sorted.sort(null);
    assertEquals(sorted, order, "pages follow key order");
    assertTrue(seen.containsAll(original), "every original entity is seen: " + seen + " lacks some of " + original);
    List<String> all = allIds(root);
    assertEquals(7 + created, all.size());
    assertTrue(all.containsAll(seen), "whatever the walk saw is still there");
  }

  /** The IDs of every checkpoint of {@code root}, following next links. */
  private List<String> allIds(String root) {
    List<String> ids = new ArrayList<>();
    String next = root + "VMCheckPoints";
    while (next != null) {
      JsonNode page = json(jsonLight().get(next).then().statusCode(200).extract().asString());
      page.get("value").forEach(entity -> ids.add(entity.get("ID").asText()));
      next = page.has("odata.nextLink") ? page.get("odata.nextLink").asText() : null;
      assertTrue(ids.size() < 100, "paging must end");
    }
    return ids;
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
    assertEquals(List.of("results", "__next"), fieldNames(d), "no $inlinecount, no __count");
    assertEquals(PAGE, d.get("results").size());
    String next = d.get("__next").asText();
    assertTrue(next.startsWith(root + "VMCheckPoints?$skiptoken="), next);
    JsonNode rest = json(request().header("Accept", "application/json;odata=verbose").get(next)
        .then().statusCode(200).extract().asString()).get("d");
    assertEquals(1, rest.get("results").size());
    assertNull(rest.get("__next"));
  }

  private static JsonNode verbose(String url) {
    return json(request().header("Accept", "application/json;odata=verbose").get(url)
        .then().statusCode(200).header("DataServiceVersion", "2.0;").extract().asString()).get("d");
  }

  private static List<String> names(JsonNode results) {
    List<String> names = new ArrayList<>();
    results.forEach(entity -> names.add(entity.get("Name").asText()));
    return names;
  }

  @Test
  void verboseFeedCarriesItsCountResultsAndNextLinkInThatOrder() {
    String root = rootWith(5);
    JsonNode first = verbose(root + "VMCheckPoints?$inlinecount=allpages&$orderby=Name%20desc");
    assertEquals(List.of("__count", "results", "__next"), fieldNames(first));
    assertTrue(first.get("__count").isTextual(), "a string, as WCF Data Services writes it: " + first.get("__count"));
    assertEquals("5", first.get("__count").asText());
    assertEquals(List.of("cp 04", "cp 03", "cp 02"), names(first.get("results")));
    String next = first.get("__next").asText();
    assertTrue(next.startsWith(root + "VMCheckPoints?"), next);
    assertTrue(next.contains("$inlinecount=allpages"), next);
    assertTrue(next.contains("$skiptoken="), next);

    JsonNode last = verbose(next);
    assertEquals(List.of("__count", "results"), fieldNames(last), "the last page has no __next");
    assertEquals("5", last.get("__count").asText(), "the count is the total on every page");
    assertEquals(List.of("cp 01", "cp 00"), names(last.get("results")));
  }

  @Test
  void aVerbosePageThatFitsIsABareArrayInAVersionOneResponse() {
    String root = rootWith(2);
    JsonNode d = json(request().header("Accept", "application/json;odata=verbose").get(root + "VMCheckPoints?$orderby=Name")
        .then().statusCode(200).header("DataServiceVersion", "1.0;").extract().asString()).get("d");
    assertTrue(d.isArray(), "no __count, no __next: nothing needs version 2.0 " + d);
    assertEquals(List.of("cp 00", "cp 01"), names(d));
  }

  @Test
  void aPageThatFitsHasNoNextLink() {
    String root = rootWith(3);
    String body = jsonLight().get(root + "VMCheckPoints").then().statusCode(200).extract().asString();
    assertFalse(json(body).has("odata.nextLink"));
  }
}
