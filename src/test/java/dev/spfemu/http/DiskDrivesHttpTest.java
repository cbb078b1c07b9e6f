package dev.spfemu.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A disk drive POSTed for a VM, as the Terraform provider adds one (CLIENTS.md D.2): the reply and a
 * read show its Path, IDE, SCSI, BusType, Bus and LUN in JSON light and Atom; its job is in
 * {@code x-ms-request-id} and the VM's {@code MostRecentTaskId}; DELETE removes it and its disk as a
 * job; a taken slot or an unknown VM is a clear error in both formats; a failed change set takes it back.
 */
class DiskDrivesHttpTest extends EmulatorHttpTest {

  private static final String DEFAULT_FOLDER = "C:\\ProgramData\\Microsoft\\Windows\\Hyper-V\\test-vm\\";
  private static final String VM_KEY = "VirtualMachines(ID=guid'" + VM + "',StampId=guid'" + STAMP + "')";

  private static String driveBody(String more) {
    return "{\"odata.type\":\"VMM.VirtualDiskDrive\",\"StampId\":\"" + STAMP + "\",\"VMId\":\"" + VM + "\""
        + more + "}";
  }

  private static String key(String set, String id) {
    return set + "(ID=guid'" + id + "',StampId=guid'" + STAMP + "')";
  }

  private static JsonNode read(String url) {
    return json(jsonLight().get(url).then().statusCode(200).extract().asString());
  }

  private static String mostRecentTask(String root) {
    return read(root + VM_KEY).get("MostRecentTaskId").asText();
  }

  @Test
  void aPostedDriveShowsWhereItsDiskIsAndItsJobInJsonLight() {
    String root = newRoot();
    Response created = jsonLight().body(driveBody(",\"SCSI\":true,\"FileName\":\"data\""))
        .post(root + "VirtualDiskDrives");
    created.then().statusCode(201);
    JsonNode drive = json(created.asString());
    String job = created.header("x-ms-request-id");
    assertEquals(job, mostRecentTask(root), "the VM points at the drive's job");
    JsonNode jobEntity = read(root + key("Jobs", job));
    assertEquals("New-SCVirtualDiskDrive test-vm", jobEntity.get("Name").asText());
    assertTrue(jobEntity.get("IsCompleted").asBoolean());
    JsonNode again = read(root + key("VirtualDiskDrives", drive.get("ID").asText()));
    for (JsonNode shown : List.of(drive, again)) {
      assertEquals(DEFAULT_FOLDER + "data.vhdx", shown.get("Path").asText());
      assertEquals("data.vhdx", shown.get("FileName").asText());
      assertEquals(false, shown.get("IDE").booleanValue());
      assertEquals(true, shown.get("SCSI").booleanValue());
      assertEquals("SCSI", shown.get("BusType").asText());
      assertEquals(0, shown.get("Bus").intValue());
      assertEquals(0, shown.get("LUN").intValue());
    }
    JsonNode disk = read(root + key("VirtualHardDisks", again.get("VirtualHardDiskId").asText()));
    assertEquals("data.vhdx", disk.get("Name").asText());
    assertEquals(VM, disk.get("VMId").asText());
    assertEquals(String.valueOf(40L << 30), read(root + VM_KEY).get("TotalSize").asText(), "a blank 40 GiB disk");
  }

  @Test
  void aPostedDriveAnsweredInAtomShowsItsPathAndBus() {
    String root = newRoot();
    Response created = request().contentType("application/json").body(driveBody(",\"Bus\":0,\"LUN\":1"))
        .post(root + "VirtualDiskDrives"); // no Accept, as Terraform's POST: Atom
    created.then().statusCode(201).contentType(containsString("application/atom+xml"));
    String properties = "/a:entry/a:content/m:properties/d:";
    Xml reply = Xml.parse(created.asString());
    String id = reply.string(properties + "ID");
    Xml read = Xml.parse(dotNet4().get(root + key("VirtualDiskDrives", id)).then().statusCode(200).extract()
        .asString());
    for (Xml shown : List.of(reply, read)) {
      assertEquals(DEFAULT_FOLDER + "test-vm-1.vhdx", shown.string(properties + "Path"));
      assertEquals("true", shown.string(properties + "IDE"), "IDE on a generation 1 VM while it has a free slot");
      assertEquals("false", shown.string(properties + "SCSI"));
      assertEquals("IDE", shown.string(properties + "BusType"));
      assertEquals("0", shown.string(properties + "Bus"));
      assertEquals("1", shown.string(properties + "LUN"));
    }
    assertEquals(created.header("x-ms-request-id"), mostRecentTask(root));
  }

  @Test
  void deletingADriveRemovesItAndItsDiskAsAJob() {
    String root = newRoot();
    JsonNode drive = json(jsonLight().body(driveBody("")).post(root + "VirtualDiskDrives").then().statusCode(201)
        .extract().asString());
    String disk = drive.get("VirtualHardDiskId").asText();
    Response deleted = request().header("Accept", "application/json;odata=minimalmetadata")
        .delete(root + key("VirtualDiskDrives", drive.get("ID").asText()));
    deleted.then().statusCode(204);
    String job = deleted.header("x-ms-request-id");
    assertEquals(job, mostRecentTask(root));
    assertEquals("Remove-SCVirtualDiskDrive test-vm", read(root + key("Jobs", job)).get("Name").asText());
    jsonLight().get(root + key("VirtualDiskDrives", drive.get("ID").asText())).then().statusCode(404);
    jsonLight().get(root + key("VirtualHardDisks", disk)).then().statusCode(404);
    assertEquals("0", read(root + VM_KEY).get("TotalSize").asText());
  }

  @Test
  void aTakenSlotIsRefusedSayingWhichInJsonLightAndAtom() {
    String root = newRoot();
    String body = driveBody(",\"IDE\":true,\"Bus\":0,\"LUN\":0");
    jsonLight().body(body).post(root + "VirtualDiskDrives").then().statusCode(201);
    jsonLight().body(body).post(root + "VirtualDiskDrives").then().statusCode(400)
        .body("'odata.error'.code", equalTo("InvalidDiskDrive"))
        .body("'odata.error'.message.value", containsString("IDE 0:0 of the virtual machine 'test-vm' is taken"));
    request().contentType("application/json").body(body).post(root + "VirtualDiskDrives").then().statusCode(400)
        .contentType(containsString("xml"))
        .body("error.code", equalTo("InvalidDiskDrive"))
        .body("error.message", containsString("Choose a free Bus and LUN"));
    assertEquals(1, read(root + "VirtualDiskDrives").get("value").size(), "nothing stored");
  }

  @Test
  void aDriveForAnUnknownVmIsTheReferenceErrorInJsonLightAndAtom() {
    String root = newRoot();
    String body = driveBody("").replace(VM, "00000000-0000-0000-0000-00000000abcd");
    jsonLight().body(body).post(root + "VirtualDiskDrives").then().statusCode(404)
        .body("'odata.error'.code", equalTo("ReferencedEntityNotFound"))
        .body("'odata.error'.message.value", containsString("VMId"));
    request().contentType("application/json").body(body).post(root + "VirtualDiskDrives").then().statusCode(404)
        .body("error.code", equalTo("ReferencedEntityNotFound"));
  }

  @Test
  void aFailedChangeSetTakesBackADriveAndItsDisk() {
    String root = newRoot();
    String json = "Content-Type: application/json\r\nAccept: application/json\r\n";
    List<BatchResponse.Part> parts = new BatchRequest().changeSet(
        BatchRequest.operation("POST", root + "VirtualDiskDrives", json, driveBody("")),
        BatchRequest.operation("POST", root + "VMCheckPoints", json, "{\"Name\":\"no stamp\"}")).post(root);
    assertEquals(400, parts.get(0).single().status());
    assertEquals(0, read(root + "VirtualDiskDrives").get("value").size());
    assertEquals(0, read(root + "VirtualHardDisks").get("value").size());
    assertEquals("0", read(root + VM_KEY).get("TotalSize").asText());
  }
}
