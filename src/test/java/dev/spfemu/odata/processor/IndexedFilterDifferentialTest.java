package dev.spfemu.odata.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.odata.edm.VmmEdm;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The index path answers byte for byte what the scan answers: the same generated filters (equalities
 * on keys and foreign keys joined by {@code and} in any order and nesting, with other conditions, or
 * not), with {@code $orderby}, {@code $top}, {@code $skip}, {@code $inlinecount}, server-driven paging and
 * the next page, {@code $count}, in JSON light and Atom, on a tenant's root and the all-subscriptions
 * root. The scan is forced by asking for {@code (filter) or false}, which keeps the same entities but
 * requires no equality; the two next links then differ only in that text, which is put back.
 */
class IndexedFilterDifferentialTest {

  private static final List<String> SUBSCRIPTIONS = List.of("ae122d5f-3aab-4d75-ad48-d6593246a49e",
      "0f0e0d0c-0b0a-0908-0706-050403020100");
  private static final List<String> FORMATS = List.of("application/json;odata=minimalmetadata",
      "application/atom+xml");
  private static final Pattern NEXT_LINK = Pattern.compile("http://localhost/[A-Za-z]+\\?([^\"<]*\\$skiptoken=[^\"<]*)");

  private final Random random = new Random(13);
  /** A fixed clock (Atom writes the time) and pages of 4, so that answers have next links. */
  private final CountedDomain domain = new CountedDomain(
      Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC), 4);
  private final CountingStore store = domain.store;
  private final VmmEdm edm = domain.edm;
  private final PipelineCalls calls = domain.calls;
  private final List<UUID> stamps = uuids(2);
  /** Per set: the values each GUID property takes (some match nothing), and the names. */
  private final Map<String, Map<String, List<UUID>>> guids = new HashMap<>();
  private final List<String> names = List.of("a", "b", "B", "c d");
  private int indexed;
  private int nextPages;

  @AfterEach
  void close() {
    domain.close();
  }

  @Test
  void checkpointsByVmAndKey() {
    List<UUID> vms = uuids(5);
    generate("VMCheckPoints", Map.of("VMId", vms), 120);
    compareMany("VMCheckPoints", List.of("VMId", "StampId", "ID"), 400);
  }

  @Test
  void machinesByCloudAndKey() {
    generate("VirtualMachines", Map.of("CloudId", uuids(3)), 60);
    compareMany("VirtualMachines", List.of("CloudId", "StampId", "ID"), 200);
  }

  @Test
  void subnetsByNetworkAndStamp() {
    generate("VMSubnets", Map.of("VMNetworkId", uuids(4)), 60);
    compareMany("VMSubnets", List.of("VMNetworkId", "StampId", "ID"), 200);
  }

  /** GUIDs from the seeded generator, so a failure repeats. */
  private List<UUID> uuids(int count) {
    List<UUID> uuids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      uuids.add(new UUID(random.nextLong(), random.nextLong()));
    }
    return uuids;
  }

  /** {@code count} entities over both subscriptions; each foreign key from its pool, or null now and then. */
  private void generate(String set, Map<String, List<UUID>> foreignKeys, int count) {
    EntityTypeModel type = edm.model().byEntitySet(set);
    Map<String, List<UUID>> pools = new HashMap<>(foreignKeys);
    pools.put("StampId", stamps);
    List<UUID> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Object[] values = new Object[type.propertyCount()];
      UUID id = uuids(1).get(0);
      keys.add(id);
      values[type.property("ID").index()] = id;
      UUID stamp = pick(stamps);
      values[type.property("StampId").index()] = stamp;
      values[type.property("Name").index()] = pick(names);
      foreignKeys.forEach((name, pool) -> values[type.property(name).index()] = random.nextInt(8) == 0 ? null
          : pick(pool));
      store.insert(pick(SUBSCRIPTIONS), set, new EntityRecord(EntityKey.of(id, stamp), values));
    }
    List<UUID> idPool = new ArrayList<>(keys.subList(0, 10));
    idPool.addAll(uuids(1)); // matches nothing
    pools.put("ID", idPool);
    guids.put(set, pools);
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private void compareMany(String set, List<String> properties, int cases) {
    for (int i = 0; i < cases; i++) {
      String filter = filter(set, properties, 3);
      String options = options();
      for (String subscription : new String[] {SUBSCRIPTIONS.get(0), null}) {
        for (String format : FORMATS) {
          compare(subscription, format, set, filter, options);
        }
        store.reset();
        String count = calls.get(subscription, FORMATS.get(0), set + "/$count", "$filter=" + encode(filter)).body();
        boolean served = store.lists.isEmpty();
        assertEquals(count, calls.get(subscription, FORMATS.get(0), set + "/$count",
            "$filter=" + encode(scanned(filter))).body(), filter);
        indexed += served ? 1 : 0;
      }
    }
    assertTrue(indexed > cases / 2, "the index served " + indexed + " of " + 2 * cases + " counts");
    assertTrue(nextPages > cases / 10, "only " + nextPages + " next pages");
  }

  private void compare(String subscription, String format, String set, String filter, String options) {
    String query = "$filter=" + encode(filter) + options;
    String scanQuery = "$filter=" + encode(scanned(filter)) + options;
    String byIndex = calls.get(subscription, format, set, query).toString();
    String byScan = calls.get(subscription, format, set, scanQuery).toString()
        .replace(encode(scanned(filter)), encode(filter));
    assertEquals(byScan, byIndex, filter + options);
    Matcher next = NEXT_LINK.matcher(byIndex);
    if (next.find()) {
      nextPages++;
      String nextQuery = next.group(1).replace("&amp;", "&");
      assertEquals(calls.get(subscription, format, set, nextQuery.replace(encode(filter), encode(scanned(filter))))
          .toString().replace(encode(scanned(filter)), encode(filter)),
          calls.get(subscription, format, set, nextQuery).toString(), "next page of " + filter + options);
    }
  }

  private static String scanned(String filter) {
    return "(" + filter + ") or false";
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** A random filter: mostly conjunctions holding an equality on a GUID property, else anything. */
  private String filter(String set, List<String> properties, int depth) {
    int choice = random.nextInt(10);
    if (depth > 0 && choice < 5) {
      String left = filter(set, properties, depth - 1);
      String right = filter(set, properties, depth - 1);
      return random.nextBoolean() ? "(" + left + ") and (" + right + ")" : left + " and " + right;
    }
    if (depth > 0 && choice == 5) {
      return "(" + filter(set, properties, depth - 1) + ") or (" + filter(set, properties, depth - 1) + ")";
    }
    String property = pick(properties);
    String literal = "guid'" + pick(guids.get(set).get(property)) + "'";
    switch (random.nextInt(9)) {
      case 0:
        return literal + " eq " + property;
      case 1:
        return property + " ne " + literal;
      case 2:
        return "Name eq '" + pick(names) + "'";
      case 3:
        return "startswith(Name,'" + pick(names) + "')";
      case 4:
        return "not (" + property + " eq " + literal + ")";
      case 5:
        return property + " eq null";
      default:
        return property + " eq " + literal;
    }
  }

  private String options() {
    StringBuilder options = new StringBuilder();
    switch (random.nextInt(4)) {
      case 0:
        options.append("&$orderby=Name");
        break;
      case 1:
        options.append("&$orderby=").append(encode("Name desc,StampId"));
        break;
      default:
        break;
    }
    if (random.nextInt(3) == 0) {
      options.append("&$top=").append(random.nextInt(7));
    }
    if (random.nextInt(3) == 0) {
      options.append("&$skip=").append(random.nextInt(5));
    }
    if (random.nextBoolean()) {
      options.append("&$inlinecount=allpages");
    }
    return options.toString();
  }
}
