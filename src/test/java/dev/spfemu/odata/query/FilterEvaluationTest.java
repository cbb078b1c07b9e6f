package dev.spfemu.odata.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.model.EntityValues;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilterEvaluationTest {

  private static final UUID VM = UUID.fromString("0da5a0c2-1f0a-4ac4-9d11-0a0b0c0d0e0f");

  private final QueryFixture fixture = new QueryFixture();

  /** Every property set; AddedTime and ModifiedTime are the same instant in different offsets. */
  private final EntityValues full = fixture.entity(QueryFixture.id(1), Map.ofEntries(
      Map.entry("Accessibility", "Public"),
      Map.entry("CheckpointID", UUID.fromString("11111111-2222-3333-4444-555555555555")),
      Map.entry("Description", "  padded  "),
      Map.entry("Enabled", true),
      Map.entry("Name", "Checkpoint Alpha"),
      Map.entry("VMId", VM),
      Map.entry("AddedTime", OffsetDateTime.parse("2026-11-28T07:14:21.7064060+00:00")),
      Map.entry("ModifiedTime", OffsetDateTime.parse("2026-11-28T08:14:21.7064060+01:00")),
      Map.entry("Confirm", false)));

  /** Only the key. */
  private final EntityValues empty = fixture.entity(QueryFixture.id(2), Map.of());

  private boolean matches(String filter, EntityValues entity) {
    return fixture.filter(filter).matches(entity);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // comparison
      "Name eq 'Checkpoint Alpha'",
      "Name ne 'Checkpoint Beta'",
      "Name gt 'Checkpoint A'",
      "Name ge 'Checkpoint Alpha'",
      "Name lt 'Checkpoint B'",
      "Name le 'Checkpoint Alpha'",
      "'Checkpoint Alpha' eq Name",
      // logic and parentheses
      "Name eq 'Checkpoint Alpha' and Enabled eq true",
      "Name eq 'nope' or Enabled",
      "not (Name eq 'nope')",
      "(Name eq 'nope' or Enabled eq true) and not Confirm",
      "not (Name eq 'nope' and Enabled) and (Confirm or Enabled)",
      // Boolean
      "Enabled",
      "Enabled eq true",
      "not Confirm",
      "Confirm eq false",
      "Enabled ne Confirm",
      // Guid
      "VMId eq guid'0da5a0c2-1f0a-4ac4-9d11-0a0b0c0d0e0f'",
      "VMId eq Guid'{0DA5A0C2-1F0A-4AC4-9D11-0A0B0C0D0E0F}'",
      "VMId eq GUID'0DA5A0C2-1F0A-4AC4-9D11-0A0B0C0D0E0F'",
      "VMId ne guid'00000000-0000-0000-0000-000000000000'",
      "VMId ne CheckpointID",
      // string functions
      "substringof('point', Name)",
      "substringof('', Name)",
      "startswith(Name, 'Check')",
      "endswith(Name, 'Alpha')",
      "tolower(Name) eq 'checkpoint alpha'",
      "toupper(Name) eq 'CHECKPOINT ALPHA'",
      "length(Name) eq 16",
      "length(Description) eq 10",
      "trim(Description) eq 'padded'",
      "length(trim(Description)) eq 6",
      "concat(Name, '!') eq 'Checkpoint Alpha!'",
      "concat(concat(Accessibility, '/'), Name) eq 'Public/Checkpoint Alpha'",
      "indexof(Name, 'Alpha') eq 11",
      "indexof(Name, 'zzz') eq -1",
      "substring(Name, 11) eq 'Alpha'",
      "substring(Name, 0, 10) eq 'Checkpoint'",
      "substring(Name, 11, 100) eq 'Alpha'",
      "replace(Name, 'Alpha', 'Beta') eq 'Checkpoint Beta'",
      "startswith(tolower(Name), 'checkpoint') and endswith(toupper(Name), 'ALPHA')",
      // date-time parts
      "year(AddedTime) eq 2026",
      "month(AddedTime) eq 11",
      "day(AddedTime) eq 28",
      "hour(AddedTime) eq 7",
      "minute(AddedTime) eq 14",
      "second(AddedTime) eq 21",
      // date-times: every digit counts, offsets do not
      "AddedTime eq datetime'2026-11-28T07:14:21.7064060'",
      "AddedTime eq datetime'2026-11-28T07:14:21.7064060Z'",
      "AddedTime eq datetime'2026-11-28T08:14:21.7064060+01:00'",
      "AddedTime eq datetimeoffset'2026-11-28T07:14:21.706406Z'",
      "AddedTime eq DateTime'2026-11-28T00:14:21.706406-07:00'",
      "AddedTime gt datetime'2026-11-28T07:14:21.706'",
      "AddedTime gt datetime'2026-11-28T07:14:21.7064059'",
      "AddedTime lt datetime'2026-11-28T07:14:21.7064061'",
      "AddedTime ge datetime'2026-11-28T07:14:21.7064060Z'",
      "AddedTime le datetime'2026-11-28T08:14:21.7064060+01:00'",
      "AddedTime eq ModifiedTime",
      "AddedTime gt datetime'2026-11-28T07:14:21.706' and AddedTime lt datetime'2026-11-28T07:14:21.707'",
      // null
      "Description ne null",
      "VMCheckPointAction eq null",
      "RunAsynchronously eq null",
      "ParentCheckpointID eq null",
      "null eq ParentCheckpointID",
      // arithmetic
      "length(Name) add 1 eq 17",
      "length(Name) sub 6 eq 10",
      "length(Name) mul 2 eq 32",
      "length(Name) div 5 eq 3",
      "length(Name) mod 5 eq 1",
      "length(Name) eq 16L",
  })
  void trueForTheFullEntity(String filter) {
    assertTrue(matches(filter, full), filter);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Name eq 'checkpoint alpha'",
      "Name ne 'Checkpoint Alpha'",
      "Name gt 'Checkpoint Alpha'",
      "Name lt 'Checkpoint Alpha'",
      "Name ge 'Checkpoint B'",
      "Name le 'Checkpoint A'",
      "Name eq 'nope' and Enabled",
      "Name eq 'nope' or Confirm",
      "not (Enabled or Confirm)",
      "not Enabled",
      "Confirm",
      "Enabled eq false",
      "VMId eq guid'00000000-0000-0000-0000-000000000000'",
      "VMId eq CheckpointID",
      "substringof('zzz', Name)",
      "substringof('Name', 'point')",
      "startswith(Name, 'Alpha')",
      "endswith(Name, 'Check')",
      "tolower(Name) eq 'Checkpoint Alpha'",
      "length(Name) eq 15",
      "trim(Description) eq Description",
      "year(AddedTime) eq 2025",
      "hour(AddedTime) eq 8",
      "AddedTime lt datetime'2026-11-28T07:14:21.706'",
      "AddedTime eq datetime'2026-11-28T07:14:21.706'",
      "AddedTime eq datetime'2026-11-28T07:14:21.7064061'",
      "AddedTime gt datetime'2026-11-28T07:14:21.7064060Z'",
      "AddedTime eq datetime'2026-11-28T07:14:21.7064060+01:00'",
      "AddedTime ne ModifiedTime",
      "Description eq null",
      "VMCheckPointAction ne null",
      "VMCheckPointAction gt 'a'",
      "VMCheckPointAction lt 'a'",
      "startswith(VMCheckPointAction, 'a')",
      "not startswith(VMCheckPointAction, 'a')",
      "RunAsynchronously",
      "not RunAsynchronously",
  })
  void falseForTheFullEntity(String filter) {
    assertFalse(matches(filter, full), filter);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Name eq 'a'",
      "Name gt 'a'",
      "Name ge 'a'",
      "Name lt 'a'",
      "Name le 'a'",
      "'a' gt Name",
      "Enabled",
      "Enabled eq true",
      "Enabled eq false",
      "not Enabled",
      "VMId eq guid'0da5a0c2-1f0a-4ac4-9d11-0a0b0c0d0e0f'",
      "AddedTime gt datetime'2000-01-01T00:00:00'",
      "AddedTime lt datetime'2100-01-01T00:00:00.1234567+01:00'",
      "AddedTime eq datetime'2000-01-01T00:00:00'",
      "substringof('a', Name)",
      "startswith(Name, 'a')",
      "endswith(Name, 'a')",
      "not endswith(Name, 'a')",
      "tolower(Name) eq 'a'",
      "toupper(Name) eq 'A'",
      "length(Name) eq 0",
      "length(Name) ge 0",
      "trim(Name) eq ''",
      "concat(Name, 'a') eq 'a'",
      "concat('a', Name) eq 'a'",
      "indexof(Name, 'a') eq -1",
      "substring(Name, 0) eq ''",
      "substring(Name, 0, 1) eq ''",
      "replace(Name, 'a', 'b') eq ''",
      "year(AddedTime) eq 2026",
      "month(AddedTime) ge 1",
      "second(AddedTime) lt 60",
      "length(Name) add 1 eq 1",
      "length(Name) add 1 gt 0",
      "Name eq 'a' or Enabled",
  })
  void noMatchAndNoExceptionOnNulls(String filter) {
    assertFalse(matches(filter, empty), filter);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Description eq null",
      "Name eq null",
      "null eq Name",
      "Name ne 'a'",
      "VMId eq null",
      "VMId ne guid'0da5a0c2-1f0a-4ac4-9d11-0a0b0c0d0e0f'",
      "AddedTime eq null",
      "Enabled eq null",
      "length(Name) eq null",
      "tolower(Name) eq null",
      "concat('a', Name) eq null",
      "year(AddedTime) eq null",
      "not (Name eq 'a')",
      "Name eq null and Description eq null",
      "Name eq 'a' or Name eq null",
  })
  void nullEqualsNull(String filter) {
    assertTrue(matches(filter, empty), filter);
  }

  @Test
  void escapedQuotesInStringLiterals() {
    EntityValues quoted = fixture.entity(QueryFixture.id(3), Map.of("Name", "O'Brien's", "Description", "datetime'x'"));
    assertTrue(matches("Name eq 'O''Brien''s'", quoted));
    assertTrue(matches("Description eq 'datetime''x'''", quoted));
    assertTrue(matches("substringof('''', Name)", quoted));
    assertFalse(matches("Name eq 'OBriens'", quoted));
  }

  @Test
  void stringsCompareAsDotNetsDefaultComparer() {
    EntityValues upper = fixture.entity(QueryFixture.id(3), Map.of("Name", "Z"));
    EntityValues lower = fixture.entity(QueryFixture.id(4), Map.of("Name", "a"));
    assertFalse(matches("Name lt 'a'", upper), "'Z' sorts after 'a' when case is ignored");
    assertTrue(matches("Name gt 'a'", upper));
    assertFalse(matches("Name lt 'a'", lower));
    assertTrue(matches("Name lt 'A'", lower), "on a tie lower case comes first");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "round(2.5M) eq 2M",
      "round(3.5M) eq 4M",
      "round(-2.5M) eq -2M",
      "floor(2.7M) eq 2M",
      "floor(-2.5M) eq -3M",
      "ceiling(2.1M) eq 3M",
      "ceiling(-2.5M) eq -2M",
      "round(2.5D) eq 2D",
      "round(3.5D) eq 4D",
      "floor(2.7D) eq 2D",
      "floor(-2.5D) eq -3D",
      "ceiling(2.1D) eq 3D",
      "ceiling(-2.5D) eq -2D",
      "round(length(Name)) eq 16",
      "floor(length(Name)) eq 16",
      "ceiling(length(Name)) eq 16"})
  void roundFloorAndCeilingAsDotNet(String filter) {
    assertTrue(matches(filter, full), filter);
  }

  @ParameterizedTest
  @ValueSource(strings = {"round(length(Description)) eq null", "floor(length(Description)) eq null",
      "ceiling(length(Description)) eq null"})
  void roundingNullIsNull(String filter) {
    assertTrue(matches(filter, empty), filter);
    assertFalse(matches(filter, full), filter);
  }

  @Test
  void noFilterMatchesEverything() {
    CollectionQuery query = CollectionQuery.builder(fixture.type).build();
    assertTrue(query.matches(full));
    assertTrue(query.matches(empty));
  }

  @Test
  void countCountsMatches() {
    List<EntityValues> entities = List.of(full, empty,
        fixture.entity(QueryFixture.id(3), Map.of("Enabled", true)),
        fixture.entity(QueryFixture.id(4), Map.of("Enabled", false)));
    assertEquals(2, fixture.filter("Enabled").count(entities));
    assertEquals(1, fixture.filter("Enabled eq false").count(entities));
    assertEquals(1, fixture.filter("Enabled eq null").count(entities));
    assertEquals(0, fixture.filter("Name eq 'none'").count(entities));
    assertEquals(4, CollectionQuery.builder(fixture.type).build().count(entities));
  }

  @Test
  void dateTimeLiteralsInFilterAndOrderByOfOneRequest() {
    CollectionQuery.Builder builder = fixture.builder(
        "AddedTime ge datetime'2026-11-28T07:14:21.7064060Z'",
        "AddedTime gt datetime'2026-11-28T07:14:21.7064061', Name");
    EntityValues later = fixture.entity(QueryFixture.id(5),
        Map.of("Name", "Later", "AddedTime", OffsetDateTime.parse("2026-11-28T07:14:21.7064062Z")));
    QueryResult result = builder.build().apply(List.of(later, full, empty));
    assertEquals(List.of(QueryFixture.id(1), QueryFixture.id(5)), fixture.ids(result.page()),
        "the filter drops the entity without AddedTime; false sorts before true");
  }
}
