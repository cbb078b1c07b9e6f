package dev.spfemu.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Power operations through the Operation property, each a job; deletes of stopped VMs only. */
class VirtualMachineLifecycleTest extends EmulatorHttpTest {

  private String vm(String root, boolean start) {
    return jsonLight().body("{\"Name\":\"app-01\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\"" + CLOUD
        + "\",\"StartVM\":" + start + "}").post(root + "VirtualMachines").then().statusCode(201)
        .extract().header("Location");
  }

  private JsonNode read(String location) {
    return json(jsonLight().get(location).then().statusCode(200).extract().asString());
  }

  private void operate(String location, String operation) {
    jsonLight().body("{\"Operation\":\"" + operation + "\"}").request("MERGE", location).then().statusCode(204);
  }

  private static String status(JsonNode vm) {
    return vm.get("Status").asText();
  }

  @Test
  void aNewVmIsStoppedOrRunningAsStartVmSaysAndHasItsJob() {
    String root = emptyRoot();
    JsonNode stopped = read(vm(root, false));
    assertEquals("PowerOff", status(stopped));
    assertEquals("Stopped", stopped.get("StatusString").asText());
    assertEquals("PowerOff", stopped.get("VirtualMachineState").asText());
    JsonNode running = read(vm(root, true));
    assertEquals("Running", status(running));
    String job = running.get("MostRecentTaskId").asText();
    jsonLight().get(root + "Jobs(ID=guid'" + job + "',StampId=guid'" + STAMP + "')").then().statusCode(200)
        .body("Name", equalTo("New-SCVirtualMachine app-01"))
        .body("IsCompleted", equalTo(true))
        .body("ProgressValue", equalTo(100))
        .body("Status", equalTo("Completed"))
        .body("TargetObjectID", equalTo(running.get("ID").asText()));
  }

  @ParameterizedTest
  @CsvSource({
      "Start, Running, Stop, PowerOff",
      "Start, Running, Shutdown, PowerOff",
      "Start, Running, Suspend, Paused",
      "Start, Running, SaveState, Saved",
      "Start, Running, Reset, Running",
      "Start, Running, Repair, Running"})
  void operationsMoveTheVmThroughItsStates(String first, String afterFirst, String second, String afterSecond) {
    String location = vm(emptyRoot(), false);
    operate(location, first);
    assertEquals(afterFirst, status(read(location)));
    String jobBefore = read(location).get("MostRecentTaskId").asText();
    operate(location, second);
    JsonNode vm = read(location);
    assertEquals(afterSecond, status(vm));
    assertEquals(vm.get("Status"), vm.get("VirtualMachineState"));
    assertEquals(false, jobBefore.equals(vm.get("MostRecentTaskId").asText()), "every operation is a new job");
    assertEquals(true, vm.get("Operation").isNull(), "Operation is an input, not stored");
  }

  @Test
  void pausedAndSavedVmsComeBack() {
    String location = vm(emptyRoot(), true);
    operate(location, "Suspend");
    operate(location, "Resume");
    assertEquals("Running", status(read(location)));
    operate(location, "SaveState");
    operate(location, "Start");
    assertEquals("Running", status(read(location)));
    operate(location, "SaveState");
    operate(location, "DiscardSavedState");
    assertEquals("PowerOff", status(read(location)));
  }

  @ParameterizedTest
  @CsvSource({"false, Stop", "false, Shutdown", "false, Suspend", "false, Resume", "true, Start", "true, Resume",
      "false, DiscardSavedState"})
  void anOperationTheStateDoesNotAllowIsRefused(boolean running, String operation) {
    String location = vm(emptyRoot(), running);
    JsonNode before = read(location);
    jsonLight().body("{\"Operation\":\"" + operation + "\"}").request("MERGE", location).then()
        .statusCode(400)
        .body("'odata.error'.code", equalTo("InvalidOperationForState"))
        .body("'odata.error'.message.value", containsString(operation));
    assertEquals(before.get("Status"), read(location).get("Status"));
  }

  @Test
  void anUnknownOperationIsRefused() {
    jsonLight().body("{\"Operation\":\"Explode\"}").request("PUT", vm(emptyRoot(), false)).then()
        .statusCode(400).body("'odata.error'.message.value", containsString("Start"));
  }

  @Test
  void operationsWorkWithPutAndPatchAndWithKeysInTheBody() {
    String location = vm(emptyRoot(), false);
    JsonNode vm = read(location);
    jsonLight().body("{\"ID\":\"" + vm.get("ID").asText() + "\",\"StampId\":\"" + STAMP
        + "\",\"Operation\":\"Start\"}").put(location).then().statusCode(204);
    jsonLight().body("{\"Operation\":\"Stop\"}").patch(location).then().statusCode(204);
    assertEquals("PowerOff", status(read(location)));
  }

  @Test
  void aRunningVmCannotBeDeletedAStoppedOneTakesItsCheckpointsAlong() {
    String root = emptyRoot();
    String location = vm(root, true);
    JsonNode vm = read(location);
    String checkpoint = jsonLight().body("{\"Name\":\"cp\",\"StampId\":\"" + STAMP + "\",\"VMId\":\""
        + vm.get("ID").asText() + "\"}").post(root + "VMCheckPoints").then().statusCode(201)
        .extract().header("Location");
    jsonLight().delete(location).then().statusCode(400)
        .body("'odata.error'.message.value", containsString("Stop it first"));
    operate(location, "Stop");
    jsonLight().delete(location).then().statusCode(204);
    jsonLight().get(location).then().statusCode(404);
    jsonLight().get(checkpoint).then().statusCode(404);
  }

  @Test
  void plainChangesAreJobsToo() {
    String location = vm(emptyRoot(), false);
    String before = read(location).get("MostRecentTaskId").asText();
    jsonLight().body("{\"Description\":\"renamed\"}").request("MERGE", location).then().statusCode(204);
    JsonNode vm = read(location);
    assertEquals("renamed", vm.get("Description").asText());
    assertEquals(false, before.equals(vm.get("MostRecentTaskId").asText()));
  }

  @Test
  void theSeedsVmStartsRunning() {
    jsonLight().get(spf.serviceRoot(SEED_SUBSCRIPTION) + "VirtualMachines(ID=guid'" + VM + "',StampId=guid'" + STAMP
        + "')").then().statusCode(200).body("Status", equalTo("Running")).body("Operation", nullValue());
  }
}
