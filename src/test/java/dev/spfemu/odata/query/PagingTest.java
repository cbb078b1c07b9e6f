package dev.spfemu.odata.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spfemu.error.ServiceException;
import dev.spfemu.format.codec.PrimitiveCodecs;
import dev.spfemu.model.EdmKind;
import dev.spfemu.model.EntityValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagingTest {

  private final QueryFixture fixture = new QueryFixture();

  private EntityValues checkpoint(int id, String name, boolean enabled) {
    Map<String, Object> values = new HashMap<>();
    values.put("Name", name);
    values.put("Enabled", enabled);
    return fixture.entity(QueryFixture.id(id), values);
  }

  /** Five enabled checkpoints (ids 1–5, names e–a) and two disabled ones (ids 6, 7). */
  private List<EntityValues> entities() {
    List<EntityValues> entities = new ArrayList<>();
    entities.add(checkpoint(7, "x", false));
    entities.add(checkpoint(3, "c", true));
    entities.add(checkpoint(1, "e", true));
    entities.add(checkpoint(6, "y", false));
    entities.add(checkpoint(5, "a", true));
    entities.add(checkpoint(2, "d", true));
    entities.add(checkpoint(4, "b", true));
    return entities;
  }

  private static List<UUID> ids(int... ns) {
    List<UUID> ids = new ArrayList<>();
    for (int n : ns) {
      ids.add(QueryFixture.id(n));
    }
    return ids;
  }

  @Test
  void topAndSkip() {
    assertEquals(ids(2, 3), fixture.ids(fixture.builder("Enabled", null).skip(1).top(2).build().apply(entities()).page()));
    assertEquals(ids(1, 2, 3), fixture.ids(fixture.builder("Enabled", null).top(3).build().apply(entities()).page()));
    assertEquals(ids(4, 5), fixture.ids(fixture.builder("Enabled", null).skip(3).build().apply(entities()).page()));
    assertEquals(ids(), fixture.ids(fixture.builder("Enabled", null).skip(5).build().apply(entities()).page()));
    assertEquals(ids(), fixture.ids(fixture.builder("Enabled", null).top(0).build().apply(entities()).page()));
    assertEquals(ids(5), fixture.ids(fixture.builder("Enabled", null).skip(4).top(10).build().apply(entities()).page()));
    assertEquals(ids(4, 3), fixture.ids(fixture.builder("Enabled", "Name").skip(1).top(2).build().apply(entities()).page()),
        "$skip and $top apply after $orderby");
  }

  @Test
  void inlineCountIsAfterFilterAndBeforeSkipTopAndPaging() {
    QueryResult result = fixture.builder("Enabled", "Name desc").inlineCount(true).skip(1).top(3).pageSize(2)
        .build().apply(entities());
    assertEquals(5L, result.count());
    assertEquals(ids(2, 3), fixture.ids(result.page()));

    assertEquals(7L, CollectionQuery.builder(fixture.type).inlineCount(true).top(1).build().apply(entities()).count());
    assertNull(fixture.builder("Enabled", null).build().apply(entities()).count(), "no $inlinecount, no count");
  }

  @Test
  void inlineCountOnLaterPagesIsStillTheTotal() {
    QueryResult first = fixture.builder("Enabled", null).inlineCount(true).pageSize(2).build().apply(entities());
    QueryResult second = fixture.builder("Enabled", null).inlineCount(true).pageSize(2)
        .skipToken(first.skipToken()).build().apply(entities());
    assertEquals(5L, first.count());
    assertEquals(5L, second.count());
  }

  @Test
  void serverDrivenPagingWalksEveryEntityOnce() {
    QueryResult first = fixture.builder("Enabled", null).pageSize(2).build().apply(entities());
    assertEquals(ids(1, 2), fixture.ids(first.page()));
    assertNotNull(first.skipToken());
    assertNull(first.remainingTop());

    QueryResult second = fixture.builder("Enabled", null).pageSize(2).skipToken(first.skipToken()).build()
        .apply(entities());
    assertEquals(ids(3, 4), fixture.ids(second.page()));
    assertNotNull(second.skipToken());

    QueryResult third = fixture.builder("Enabled", null).pageSize(2).skipToken(second.skipToken()).build()
        .apply(entities());
    assertEquals(ids(5), fixture.ids(third.page()));
    assertNull(third.skipToken());
    assertNull(third.remainingTop());
  }

  @Test
  void exactlyOnePageGivesNoToken() {
    QueryResult result = fixture.builder("Enabled", null).pageSize(5).build().apply(entities());
    assertEquals(5, result.page().size());
    assertNull(result.skipToken());
  }

  @Test
  void entitiesCreatedBetweenPagesAppearOnceAndNothingRepeats() {
    List<EntityValues> entities = entities();
    QueryResult first = fixture.builder("Enabled", null).pageSize(2).build().apply(entities);
    assertEquals(ids(1, 2), fixture.ids(first.page()));

    // one created after the token (key (3, ffff…) sorts between 3 and 4) and one before it (sorts
    // first): the latter belongs to a page already sent and does not appear
    UUID created = UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff");
    entities.add(fixture.entity(Map.of("ID", QueryFixture.id(3), "StampId", created, "Name", "new", "Enabled", true)));
    entities.add(checkpoint(0, "older", true));

    List<String> seen = new ArrayList<>();
    for (EntityValues entity : first.page()) {
      seen.add(fixture.value(entity, "ID") + "/" + fixture.value(entity, "StampId"));
    }
    String token = first.skipToken();
    int pages = 1;
    while (token != null) {
      QueryResult next = fixture.builder("Enabled", null).pageSize(2).skipToken(token).build().apply(entities);
      for (EntityValues entity : next.page()) {
        seen.add(fixture.value(entity, "ID") + "/" + fixture.value(entity, "StampId"));
      }
      token = next.skipToken();
      pages++;
    }
    String stamp = "/" + QueryFixture.STAMP;
    assertEquals(List.of(QueryFixture.id(1) + stamp, QueryFixture.id(2) + stamp, QueryFixture.id(3) + stamp,
        QueryFixture.id(3) + "/" + created, QueryFixture.id(4) + stamp, QueryFixture.id(5) + stamp), seen);
    assertEquals(3, pages);
  }

  @Test
  void topSmallerThanTheResultIsCarriedAcrossPages() {
    QueryResult first = fixture.builder("Enabled", null).top(3).pageSize(2).build().apply(entities());
    assertEquals(ids(1, 2), fixture.ids(first.page()));
    assertNotNull(first.skipToken());
    assertEquals(1, first.remainingTop());

    // the next link carries $top=remainingTop
    QueryResult second = fixture.builder("Enabled", null).top(first.remainingTop()).pageSize(2)
        .skipToken(first.skipToken()).build().apply(entities());
    assertEquals(ids(3), fixture.ids(second.page()));
    assertNull(second.skipToken());
    assertNull(second.remainingTop());
  }

  @Test
  void pagingByNameDescending() {
    List<UUID> seen = new ArrayList<>();
    String token = null;
    do {
      QueryResult page = fixture.builder("Enabled", "Name desc").pageSize(2).skipToken(token).build()
          .apply(entities());
      seen.addAll(fixture.ids(page.page()));
      token = page.skipToken();
    } while (token != null);
    assertEquals(ids(1, 2, 3, 4, 5), seen, "names e, d, c, b, a");
  }

  @Test
  void pagingWithEqualSortValuesAndNulls() {
    List<EntityValues> entities = List.of(
        checkpoint(1, null, true), checkpoint(2, "same", true), checkpoint(3, null, true),
        checkpoint(4, "same", true), checkpoint(5, "same", true), checkpoint(6, "it's, quoted", true));
    List<UUID> seen = new ArrayList<>();
    String token = null;
    do {
      QueryResult page = fixture.builder(null, "Name").pageSize(2).skipToken(token).build().apply(entities);
      seen.addAll(fixture.ids(page.page()));
      token = page.skipToken();
    } while (token != null);
    assertEquals(ids(1, 3, 6, 2, 4, 5), seen);
  }

  @Test
  void aSkipTokenAfterEveryEntityIsAnEmptyLastPage() {
    QueryResult first = fixture.builder("Enabled", null).pageSize(4).build().apply(entities());
    assertEquals(ids(1, 2, 3, 4), fixture.ids(first.page()));
    List<EntityValues> fewer = new ArrayList<>(entities());
    fewer.removeIf(entity -> QueryFixture.id(5).equals(fixture.value(entity, "ID")));

    QueryResult after = fixture.builder("Enabled", null).inlineCount(true).pageSize(4).skipToken(first.skipToken())
        .build().apply(fewer);
    assertEquals(ids(), fixture.ids(after.page()), "the entity after the token was deleted meanwhile");
    assertNull(after.skipToken());
    assertEquals(4L, after.count());
    QueryResult pastTheEnd = fixture.builder(null, "Name").pageSize(2)
        .skipToken("'zzz',guid'ffffffff-ffff-ffff-ffff-ffffffffffff',guid'ffffffff-ffff-ffff-ffff-ffffffffffff'")
        .build().apply(entities());
    assertEquals(ids(), fixture.ids(pastTheEnd.page()));
    assertNull(pastTheEnd.skipToken());
  }

  @Test
  void skipAppliesAfterTheSkipToken() {
    QueryResult first = fixture.builder("Enabled", null).pageSize(2).build().apply(entities());
    QueryResult next = fixture.builder("Enabled", null).pageSize(2).skip(1).skipToken(first.skipToken()).build()
        .apply(entities());
    assertEquals(ids(4, 5), fixture.ids(next.page()));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "garbage",
      "'unterminated",
      "guid'00000000-0000-0000-0000-000000000001'",
      "guid'00000000-0000-0000-0000-000000000001',guid'aaaaaaaa-0000-0000-0000-000000000001',1",
      "guid'not-a-guid',guid'aaaaaaaa-0000-0000-0000-000000000001'",
      "datetime'yesterday',guid'aaaaaaaa-0000-0000-0000-000000000001'",
      "12,34,56",
      "",
  })
  void malformedSkipTokenIsA400(String token) {
    CollectionQuery query = CollectionQuery.builder(fixture.type).pageSize(2).skipToken(token).build();
    ServiceException e = assertThrows(ServiceException.class, () -> query.apply(entities()));
    assertEquals(400, e.status());
  }

  @Test
  void tokenOfAnotherOrderByIsA400() {
    String token = fixture.builder(null, "Name").pageSize(2).build().apply(entities()).skipToken();
    CollectionQuery other = CollectionQuery.builder(fixture.type).pageSize(2).skipToken(token).build();
    ServiceException e = assertThrows(ServiceException.class, () -> other.apply(entities()));
    assertEquals(400, e.status());
  }

  @Test
  void aTokenOfAnotherOrderIsA400NotACrash() {
    QueryResult first = fixture.builder("Enabled", "Name").pageSize(1).build().apply(entities());
    ServiceException e = assertThrows(ServiceException.class, () -> fixture.builder("Enabled", "Enabled").pageSize(1)
        .skipToken(first.skipToken()).build().apply(entities()));
    assertEquals(400, e.status());
    assertThrows(ServiceException.class, () -> CollectionQuery.builder(fixture.type).skipToken("12x,34y").build()
        .apply(entities()));
  }

  @Test
  void nanosecondsBeyondATickDoNotTrapPaging() throws Exception {
    // values as a JDK clock gives them (nanoseconds); the service keeps ticks, so tokens resume exactly
    List<EntityValues> many = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      Map<String, Object> values = new HashMap<>();
      values.put("AddedTime", PrimitiveCodecs.of(EdmKind.DATE_TIME)
          .parseText("2026-01-01T00:00:00.12345678" + i + "Z"));
      many.add(fixture.entity(QueryFixture.id(i), values));
    }
    QueryResult page = fixture.builder(null, "AddedTime").pageSize(1).build().apply(many);
    int pages = 1;
    while (page.skipToken() != null && pages < 10) {
      page = fixture.builder(null, "AddedTime").pageSize(1).skipToken(page.skipToken()).build().apply(many);
      pages++;
    }
    assertEquals(3, pages);
  }
}
