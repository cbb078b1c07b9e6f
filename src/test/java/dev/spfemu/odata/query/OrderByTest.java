package dev.spfemu.odata.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.model.EntityValues;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderByTest {

  private static final UUID LOW = UUID.fromString("0fffffff-ffff-ffff-ffff-ffffffffffff");
  private static final UUID MIDDLE = UUID.fromString("80000000-0000-0000-0000-000000000000");
  private static final UUID HIGH = UUID.fromString("f0000000-0000-0000-0000-000000000000");

  private final QueryFixture fixture = new QueryFixture();

  private EntityValues named(int id, String name) {
    Map<String, Object> values = new HashMap<>();
    values.put("Name", name);
    return fixture.entity(QueryFixture.id(id), values);
  }

  private List<UUID> order(String orderBy, List<EntityValues> entities) {
    CollectionQuery query = orderBy == null ? CollectionQuery.builder(fixture.type).build() : fixture.orderBy(orderBy);
    List<UUID> forward = fixture.ids(query.apply(entities).page());
    List<EntityValues> reversed = new ArrayList<>(entities);
    Collections.reverse(reversed);
    assertEquals(forward, fixture.ids(query.apply(reversed).page()), "the order does not depend on the input order");
    return forward;
  }

  @Test
  void ascendingPutsNullsFirst() {
    List<EntityValues> entities = List.of(named(1, "b"), named(2, null), named(3, "a"), named(4, "B"));
    // null first; then as .NET compares text: ignoring case, lower case first on a tie
    assertEquals(List.of(QueryFixture.id(2), QueryFixture.id(3), QueryFixture.id(1), QueryFixture.id(4)),
        order("Name", entities));
    assertEquals(order("Name", entities), order("Name asc", entities));
  }

  @Test
  void descendingPutsNullsLast() {
    List<EntityValues> entities = List.of(named(1, "b"), named(2, null), named(3, "a"), named(4, "B"));
    assertEquals(List.of(QueryFixture.id(4), QueryFixture.id(1), QueryFixture.id(3), QueryFixture.id(2)),
        order("Name desc", entities));
  }

  @Test
  void severalKeysEachWithItsDirection() {
    List<EntityValues> entities = List.of(
        fixture.entity(QueryFixture.id(1), Map.of("Enabled", true, "Name", "a")),
        fixture.entity(QueryFixture.id(2), Map.of("Enabled", false, "Name", "b")),
        fixture.entity(QueryFixture.id(3), Map.of("Enabled", true, "Name", "c")),
        fixture.entity(QueryFixture.id(4), Map.of("Enabled", false, "Name", "a")),
        fixture.entity(QueryFixture.id(5), Map.of("Name", "z")));
    assertEquals(List.of(QueryFixture.id(3), QueryFixture.id(1), QueryFixture.id(2), QueryFixture.id(4),
        QueryFixture.id(5)), order("Enabled desc, Name desc", entities));
    assertEquals(List.of(QueryFixture.id(5), QueryFixture.id(4), QueryFixture.id(2), QueryFixture.id(1),
        QueryFixture.id(3)), order("Enabled asc, Name asc", entities));
    assertEquals(List.of(QueryFixture.id(1), QueryFixture.id(4), QueryFixture.id(2), QueryFixture.id(3),
        QueryFixture.id(5)), order("Name, Enabled desc", entities));
  }

  @Test
  void guidsInDotNetOrderNotJavaOrder() {
    assertTrue(MIDDLE.compareTo(LOW) < 0 && HIGH.compareTo(LOW) < 0,
        "java.util.UUID compares the high bits signed: the test would prove nothing otherwise");
    List<EntityValues> entities = List.of(
        fixture.entity(QueryFixture.id(1), Map.of("VMId", HIGH)),
        fixture.entity(QueryFixture.id(2), Map.of("VMId", LOW)),
        fixture.entity(QueryFixture.id(3), Map.of("VMId", MIDDLE)));
    assertEquals(List.of(QueryFixture.id(2), QueryFixture.id(3), QueryFixture.id(1)), order("VMId", entities));
    assertEquals(List.of(QueryFixture.id(1), QueryFixture.id(3), QueryFixture.id(2)), order("VMId desc", entities));
  }

  @Test
  void keyOrderIsTheDefaultAndUsesDotNetGuidOrder() {
    List<EntityValues> entities = List.of(
        fixture.entity(Map.of("ID", HIGH, "StampId", LOW)),
        fixture.entity(Map.of("ID", MIDDLE, "StampId", HIGH)),
        fixture.entity(Map.of("ID", MIDDLE, "StampId", LOW)),
        fixture.entity(Map.of("ID", LOW, "StampId", MIDDLE)));
    CollectionQuery query = CollectionQuery.builder(fixture.type).build();
    List<EntityValues> page = query.apply(entities).page();
    List<String> keys = new ArrayList<>();
    for (EntityValues entity : page) {
      keys.add(fixture.value(entity, "ID") + "/" + fixture.value(entity, "StampId"));
    }
    assertEquals(List.of(LOW + "/" + MIDDLE, MIDDLE + "/" + LOW, MIDDLE + "/" + HIGH, HIGH + "/" + LOW), keys);
  }

  @Test
  void tiesAreBrokenByIdThenStampId() {
    List<EntityValues> entities = List.of(
        fixture.entity(Map.of("ID", HIGH, "StampId", LOW, "Name", "same")),
        fixture.entity(Map.of("ID", LOW, "StampId", HIGH, "Name", "same")),
        fixture.entity(Map.of("ID", LOW, "StampId", MIDDLE, "Name", "same")),
        fixture.entity(Map.of("ID", MIDDLE, "StampId", LOW, "Name", "first")));
    for (String orderBy : List.of("Name desc", "Name asc")) {
      List<EntityValues> page = fixture.orderBy(orderBy).apply(entities).page();
      List<String> same = new ArrayList<>();
      for (EntityValues entity : page) {
        if ("same".equals(fixture.value(entity, "Name"))) {
          same.add(fixture.value(entity, "ID") + "/" + fixture.value(entity, "StampId"));
        }
      }
      assertEquals(List.of(LOW + "/" + MIDDLE, LOW + "/" + HIGH, HIGH + "/" + LOW), same,
          "ties ascending by key whatever the direction of " + orderBy);
    }
  }

  @Test
  void dateTimesByInstantWhateverTheOffset() {
    List<EntityValues> entities = List.of(
        fixture.entity(QueryFixture.id(1), Map.of("AddedTime", OffsetDateTime.parse("2026-11-28T08:00:00.0000001+01:00"))),
        fixture.entity(QueryFixture.id(2), Map.of("AddedTime", OffsetDateTime.parse("2026-11-28T06:00:00-01:00"))),
        fixture.entity(QueryFixture.id(3), Map.of("AddedTime", OffsetDateTime.parse("2026-11-28T07:00:00Z"))),
        fixture.entity(QueryFixture.id(4), Map.of()));
    assertEquals(List.of(QueryFixture.id(4), QueryFixture.id(2), QueryFixture.id(3), QueryFixture.id(1)),
        order("AddedTime", entities), "02 and 03 are the same instant, tie broken by ID; 01 is 100 ns later");
  }

  @Test
  void expressionsAsSortKeys() {
    List<EntityValues> entities = List.of(named(1, "ccc"), named(2, "a"), named(3, "BB"), named(4, "bb"));
    assertEquals(List.of(QueryFixture.id(1), QueryFixture.id(3), QueryFixture.id(4), QueryFixture.id(2)),
        order("length(Name) desc", entities));
    assertEquals(List.of(QueryFixture.id(2), QueryFixture.id(3), QueryFixture.id(4), QueryFixture.id(1)),
        order("tolower(Name)", entities));
  }

  @Test
  void orderByKeepsEveryEntity() {
    List<EntityValues> entities = List.of(named(1, "x"), named(2, "x"), named(3, null));
    QueryResult result = fixture.orderBy("Name desc").apply(entities);
    assertEquals(3, result.page().size());
    assertEquals(null, result.skipToken());
    assertEquals(null, result.count());
    assertEquals(null, result.remainingTop());
  }
}
