package dev.spfemu.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Checkpoints form a tree per VM; restore rolls the VM back; delete re-parents. */
class CheckpointTreeTest extends EmulatorHttpTest {

  private String vmLocation;
  private String root;

  private void newVm() {
    root = emptyRoot();
    vmLocation = jsonLight().body("{\"Name\":\"tree\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\"" + CLOUD
        + "\",\"StartVM\":true}").post(root + "VirtualMachines").then().statusCode(201).extract().header("Location");
  }

  private JsonNode read(String location) {
    return json(jsonLight().get(location).then().statusCode(200).extract().asString());
  }

  private String checkpoint(String name) {
    String vmId = read(vmLocation).get("ID").asText();
    return jsonLight().body("{\"Name\":\"" + name + "\",\"StampId\":\"" + STAMP + "\",\"VMId\":\"" + vmId + "\"}")
        .post(root + "VMCheckPoints").then().statusCode(201).extract().header("Location");
  }

  private void operate(String operation) {
    jsonLight().body("{\"Operation\":\"" + operation + "\"}").request("MERGE", vmLocation).then().statusCode(204);
  }

  private void restore(String checkpoint) {
    jsonLight().body("{\"VMCheckPointAction\":\"Restore\"}").request("MERGE", checkpoint).then().statusCode(204);
  }

  @Test
  void checkpointsChainToTheVmsCurrentCheckpoint() {
    newVm();
    JsonNode first = read(checkpoint("one"));
    JsonNode second = read(checkpoint("two"));
    assertTrue(first.get("CheckpointID").asText().matches(GUID));
    assertTrue(first.get("ParentCheckpointID").isNull(), "the first checkpoint is the root");
    assertEquals(first.get("CheckpointID"), second.get("ParentCheckpointID"));
    assertEquals(read(vmLocation).get("MostRecentTaskId").asText().length(), 36);
  }

  @Test
  void restoreRollsTheVmBackAndLaterCheckpointsStay() {
    newVm();
    String running = checkpoint("while running");
    operate("Stop");
    String stopped = checkpoint("while stopped");
    operate("Start");

    restore(running);
    JsonNode vm = read(vmLocation);
    assertEquals("Running", vm.get("Status").asText());
    assertEquals(read(running).get("CheckpointID"), vm.get("LastRestoredCheckpointId"));
    jsonLight().get(stopped).then().statusCode(200);

    restore(stopped);
    vm = read(vmLocation);
    assertEquals("PowerOff", vm.get("Status").asText(), "the VM is as it was when the checkpoint was taken");
    assertEquals(read(stopped).get("CheckpointID"), vm.get("LastRestoredCheckpointId"));
    assertTrue(read(stopped).get("VMCheckPointAction").isNull(), "an action, not stored");
  }

  @Test
  void aCheckpointAfterARestoreBranchesFromTheRestoredOne() {
    newVm();
    JsonNode a = read(checkpoint("a"));
    checkpoint("b");
    restore(root + "VMCheckPoints(ID=guid'" + a.get("ID").asText() + "',StampId=guid'" + STAMP + "')");
    JsonNode c = read(checkpoint("c"));
    assertEquals(a.get("CheckpointID"), c.get("ParentCheckpointID"));
  }

  @Test
  void deletingACheckpointReparentsItsChildren() {
    newVm();
    JsonNode a = read(checkpoint("a"));
    String b = checkpoint("b");
    JsonNode c = read(checkpoint("c"));
    assertEquals(read(b).get("CheckpointID"), c.get("ParentCheckpointID"));
    jsonLight().delete(b).then().statusCode(204);
    jsonLight().get(b).then().statusCode(404);
    String cLocation = root + "VMCheckPoints(ID=guid'" + c.get("ID").asText() + "',StampId=guid'" + STAMP + "')";
    assertEquals(a.get("CheckpointID"), read(cLocation).get("ParentCheckpointID"));
    JsonNode d = read(checkpoint("d"));
    assertEquals(c.get("CheckpointID"), d.get("ParentCheckpointID"), "c stays current");
  }

  @Test
  void deletingTheCurrentCheckpointMakesItsParentCurrent() {
    newVm();
    JsonNode a = read(checkpoint("a"));
    String b = checkpoint("b");
    jsonLight().delete(b).then().statusCode(204);
    JsonNode c = read(checkpoint("c"));
    assertEquals(a.get("CheckpointID"), c.get("ParentCheckpointID"));
  }

  @Test
  void unknownActionsAreRefused() {
    newVm();
    jsonLight().body("{\"VMCheckPointAction\":\"Rewind\"}").request("MERGE", checkpoint("x")).then()
        .statusCode(400).body("'odata.error'.message.value", containsString("Restore"));
  }

  @Test
  void theDemoTreeContinuesFromItsNewestCheckpoint() {
    String seedRoot = spf.serviceRoot(SEED_SUBSCRIPTION);
    JsonNode created = json(jsonLight().body(fixture("seed-request.json")).post(seedRoot + "VMCheckPoints").then()
        .statusCode(201).extract().asString());
    JsonNode stored = read(seedRoot + "VMCheckPoints(ID=guid'" + created.get("ID").asText() + "',StampId=guid'"
        + STAMP + "')");
    assertEquals("00000000-0000-4000-8000-000000000762", stored.get("ParentCheckpointID").asText(),
        "the demo world's 'After patching' checkpoint");
    assertNotEquals(stored.get("CheckpointID"), stored.get("ParentCheckpointID"));
  }
}
