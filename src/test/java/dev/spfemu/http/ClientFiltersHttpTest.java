package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The {@code $filter}s of CLIENTS.md §D, written as each client writes them, which the emulator serves
 * through an index or by key: each answers exactly the entities of the unfiltered list that match.
 */
class ClientFiltersHttpTest extends EmulatorHttpTest {

  /** The whole set, as JSON light. */
  private static List<JsonNode> all(String url) {
    List<JsonNode> entities = new ArrayList<>();
    json(jsonLight().get(url).then().statusCode(200).extract().asString()).get("value").forEach(entities::add);
    return entities;
  }

  /** The IDs a filtered GET answers (the URL as the client writes it) in JSON light. */
  private static Set<String> filtered(String url) {
    Set<String> ids = new TreeSet<>();
    json(jsonLight().get(url).then().statusCode(200).extract().asString()).get("value")
        .forEach(entity -> ids.add(entity.get("ID").asText()));
    return ids;
  }

  /** The IDs in {@code entities} whose {@code properties} have {@code example}'s values. */
  private static Set<String> matching(List<JsonNode> entities, JsonNode example, String... properties) {
    Set<String> ids = new TreeSet<>();
    for (JsonNode entity : entities) {
      boolean match = true;
      for (String property : properties) {
        match &= entity.get(property).equals(example.get(property));
      }
      if (match) {
        ids.add(entity.get("ID").asText());
      }
    }
    return ids;
  }

  @Test
  void dotNetLinqWhereOnVmIdInAtom() {
    String root = newRoot();
    String other = "7d2bde3a-9aa4-4bb4-8ebc-2d3a0c3c1e11";
    jsonLight().body("{\"ID\":\"" + other + "\",\"StampId\":\"" + STAMP + "\",\"Name\":\"other\",\"CloudId\":\""
        + CLOUD + "\"}").post(root + "VirtualMachines").then().statusCode(201);
    createCheckpoint(root, "mine 1");
    createCheckpoint(root, "mine 2");
    jsonLight().body(checkpointBody("theirs").replace(VM, other)).post(root + "VMCheckPoints").then()
        .statusCode(201);

    String atom = dotNet4().get(root + "VMCheckPoints()?$filter=VMId%20eq%20guid%27" + VM + "%27").then()
        .statusCode(200).extract().asString();

    assertEquals(2, atom.split("<entry").length - 1, atom);
    assertFalse(atom.contains("theirs"), atom);
    assertEquals(2, filtered(root + "VMCheckPoints()?$filter=VMId%20eq%20guid%27" + VM + "%27").size());
  }

  @Test
  void childrenBeforeADeleteByStampAndParent() {
    String root = demoRoot();
    List<JsonNode> subnets = all(root + "VMSubnets");
    List<JsonNode> pools = all(root + "StaticIPAddressPools");
    assertFalse(subnets.isEmpty() || pools.isEmpty(), "the demo world has subnets and pools");
    JsonNode subnet = subnets.get(0);
    JsonNode pool = pools.get(0);

    // WAPack's and Dasein's form ('+' for spaces), and the form with literal spaces sent as %20
    assertEquals(matching(subnets, subnet, "StampId", "VMNetworkId"), filtered(root + "VMSubnets?$filter=StampId+eq+guid'"
        + subnet.get("StampId").asText() + "'+and+VMNetworkId+eq+guid'" + subnet.get("VMNetworkId").asText() + "'"));
    assertEquals(matching(pools, pool, "StampId", "VMSubnetId"), filtered(root
        + "StaticIPAddressPools?$filter=StampId%20eq%20guid'" + pool.get("StampId").asText()
        + "'%20and%20VMSubnetId%20%20eq%20guid'" + pool.get("VMSubnetId").asText() + "'"));
  }

  @Test
  void readBackById() {
    String root = newRoot();
    List<JsonNode> jobs = all(root + "Jobs");
    assertFalse(jobs.isEmpty(), "creating the VM ran a job");
    JsonNode job = jobs.get(0);
    List<JsonNode> networks = all(demoRoot() + "VMNetworks");

    assertEquals(Set.of(job.get("ID").asText()), filtered(root + "Jobs?$filter=ID+eq+guid'" + job.get("ID").asText()
        + "'"));
    assertEquals(Set.of(VM), filtered(root + "VirtualMachines?$filter=ID%20eq%20guid'" + VM + "'"));
    assertEquals(matching(networks, networks.get(0), "ID"), filtered(demoRoot() + "VMNetworks?$filter=ID%20eq%20guid'"
        + networks.get(0).get("ID").asText() + "'"));
    assertEquals(Set.of(), filtered(root + "VirtualMachines?$filter=ID%20eq%20guid'" + CLOUD + "'"));
  }
}
