package dev.spfemu.http;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** A VM whose creation or change job failed reads as VMM shows it ("Creation Failed", "Update Failed"), in JSON light and Atom. */
class FailedJobsHttpTest extends EmulatorHttpTest {

  private String createVm(String root, String name) {
    return jsonLight().body("{\"Name\":\"" + name + "\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\"" + CLOUD
        + "\",\"StartVM\":true}").post(root + "VirtualMachines").then().statusCode(201).extract().header("Location");
  }

  private JsonNode read(String url) {
    return json(jsonLight().get(url).then().statusCode(200).extract().asString());
  }

  private String job(String root, JsonNode vm) {
    return root + "Jobs(ID=guid'" + vm.get("MostRecentTaskId").asText() + "',StampId=guid'" + STAMP + "')";
  }

  @Test
  void aFailedCreationReadsCreationFailedWithTheJobsErrorInfo() {
    String root = emptyRoot();
    spf.failNextJobs("New-SCVirtualMachine", 1, "HostUnreachable", "The host is not responding.");
    String vm = createVm(root, "doomed");

    JsonNode failed = read(vm);
    assertEquals("CreationFailed", failed.get("Status").asText());
    assertEquals("Creation Failed", failed.get("StatusString").asText());
    assertEquals("PowerOff", failed.get("VirtualMachineState").asText());
    jsonLight().get(job(root, failed)).then().statusCode(200)
        .body("Status", equalTo("Failed"))
        .body("ErrorInfo.Code", equalTo("HostUnreachable"))
        .body("ErrorInfo.ErrorCodeString", equalTo("HostUnreachable"))
        .body("ErrorInfo.Problem", equalTo("The host is not responding."))
        .body("ErrorInfo.ExceptionDetails", equalTo("The host is not responding."))
        .body("ErrorInfo.RecommendedAction", equalTo("Correct the problem, then run the operation again."));

    assertEquals(failed.get("MostRecentTaskId"), failed.get("FailedJobID"));
    jsonLight().get(vm + "/FailedJob").then().statusCode(200).body("Status", equalTo("Failed"));

    Xml atom = Xml.parse(dotNet4().get(vm).then().statusCode(200).extract().asString());
    assertEquals("CreationFailed", atom.string("/a:entry/a:content/m:properties/d:Status"));
    assertEquals("Creation Failed", atom.string("/a:entry/a:content/m:properties/d:StatusString"));
    Xml job = Xml.parse(dotNet4().get(job(root, failed)).then().statusCode(200).extract().asString());
    assertEquals("Failed", job.string("/a:entry/a:content/m:properties/d:Status"));
    assertEquals("HostUnreachable", job.string("/a:entry/a:content/m:properties/d:ErrorInfo/d:ErrorCodeString"));
  }

  @Test
  void aCreationFailedVmCannotStartButCanBeDeleted() {
    String root = emptyRoot();
    spf.failNextJobs("New-SCVirtualMachine", 1, "HostUnreachable", "The host is not responding.");
    String vm = createVm(root, "doomed");
    jsonLight().body("{\"Operation\":\"Start\"}").request("MERGE", vm).then().statusCode(400)
        .body("'odata.error'.code", equalTo("InvalidOperationForState"));
    jsonLight().delete(vm).then().statusCode(204);
    jsonLight().get(vm).then().statusCode(404);
  }

  @Test
  void aFailedChangeReadsUpdateFailedUntilARepair() {
    String root = emptyRoot();
    String vm = createVm(root, "web-01");
    spf.failNextJobs("Set-SCVirtualMachine", 1, "HostUnreachable", "The host is not responding.");
    jsonLight().body("{\"Description\":\"front end\"}").request("MERGE", vm).then().statusCode(204);

    JsonNode failed = read(vm);
    assertEquals("UpdateFailed", failed.get("Status").asText());
    assertEquals("Update Failed", failed.get("StatusString").asText());
    assertEquals("Running", failed.get("VirtualMachineState").asText());
    jsonLight().get(job(root, failed)).then().statusCode(200).body("Status", equalTo("Failed"))
        .body("ErrorInfo.Code", equalTo("HostUnreachable"));
    Xml atom = Xml.parse(dotNet4().get(vm).then().statusCode(200).extract().asString());
    assertEquals("Update Failed", atom.string("/a:entry/a:content/m:properties/d:StatusString"));

    jsonLight().body("{\"Operation\":\"Repair\"}").request("MERGE", vm).then().statusCode(204);
    assertEquals("Running", read(vm).get("StatusString").asText());
  }
}
