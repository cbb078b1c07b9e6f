package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A VM created from the demo world's template (or from its disk and a hardware profile) shows its
 * disks, drives, DVD drive and the template's adapter through the {@code $expand} WAPTenantPublicAPI
 * and WAPack send, in JSON light and Atom, and they are gone once the VM is deleted.
 */
class StorageProvisioningHttpTest extends EmulatorHttpTest {

  private static final String TEMPLATE = DemoWorld.TEMPLATE;
  private static final String TEMPLATE_DISK = "00000000-0000-4000-8000-000000000734";
  private static final String UBUNTU_DISK = "00000000-0000-4000-8000-000000000735";
  private static final String PROFILE = "00000000-0000-4000-8000-000000000201";
  private static final String FORTY_GB = "42949672960";
  /** Get-WAPVM's expand (CLIENTS.md D.1). */
  private static final String TENANT_API_EXPAND = "$expand=VirtualNetworkAdapters,VirtualDVDDrives,VirtualDiskDrives,"
      + "VirtualHardDisks";
  /** Get-WAPackVM's expand (CLIENTS.md D.5). */
  private static final String WAPACK_EXPAND = "$expand=VirtualNetworkAdapters,VMCheckpoints,VirtualSCSIAdapters,"
      + "VirtualHardDisks,VirtualDVDDrives,VirtualDiskDrives";
  private static final String RELATED = "http://schemas.microsoft.com/ado/2007/08/dataservices/related/";
  private static final List<String> STORAGE = List.of("VirtualHardDisks", "VirtualDiskDrives", "VirtualDVDDrives",
      "VirtualSCSIAdapters");

  private String root() {
    return demoRoot();
  }

  /** WAPTenantPublicAPI's New-WAPVM: a template, no adapter input; returns the reply. */
  private JsonNode createFromTemplate(String name) {
    return json(jsonLight().body(DemoWorld.vmFromTemplateBody(name))
        .post(root() + "VirtualMachines?RunAsynchronously=0").then().statusCode(201).extract().asString());
  }

  private String key(JsonNode vm) {
    return "VirtualMachines(ID=guid'" + vm.get("ID").asText() + "',StampId=guid'" + STAMP + "')";
  }

  private JsonNode expanded(JsonNode vm, String expand) {
    JsonNode feed = json(jsonLight().get(root() + "VirtualMachines()?" + expand + "&$filter=ID%20eq%20guid'"
        + vm.get("ID").asText() + "'").then().statusCode(200).extract().asString());
    assertEquals(1, feed.get("value").size());
    return feed.get("value").get(0);
  }

  @Test
  void aVmFromTheTemplateShowsItsStorageAndAdapterInJsonLight() {
    JsonNode created = createFromTemplate("storage-json");
    assertEquals(FORTY_GB, created.get("TotalSize").asText(), "the template's disk, in the create's answer");

    JsonNode vm = expanded(created, TENANT_API_EXPAND);
    JsonNode disks = vm.get("VirtualHardDisks");
    assertEquals(1, disks.size());
    JsonNode disk = disks.get(0);
    assertNotEquals(TEMPLATE_DISK, disk.get("ID").asText());
    assertEquals("storage-json.vhdx", disk.get("Name").asText());
    assertEquals(TEMPLATE_DISK, disk.get("ParentDiskId").asText());
    assertEquals(FORTY_GB, disk.get("MaximumSize").asText());
    assertEquals("DynamicallyExpanding", disk.get("VHDType").asText());
    assertEquals(created.get("ID").asText(), disk.get("VMId").asText());
    assertTrue(disk.get("ReleaseTime").asText().matches(SPF_DATE_TIME), "Get-WAPVM casts it to a DateTime");
    JsonNode drives = vm.get("VirtualDiskDrives");
    assertEquals(1, drives.size());
    assertEquals(disk.get("ID").asText(), drives.get(0).get("VirtualHardDiskId").asText());
    assertEquals(0, drives.get(0).get("Bus").asInt());
    assertEquals(0, drives.get(0).get("LUN").asInt());
    assertTrue(drives.get(0).get("IDE").asBoolean(), "the template is generation 1");
    assertEquals(1, vm.get("VirtualDVDDrives").size());
    assertEquals(1, vm.get("VirtualDVDDrives").get(0).get("Bus").asInt());
    JsonNode adapters = vm.get("VirtualNetworkAdapters");
    assertEquals(1, adapters.size(), "the template's adapter");
    assertEquals("Fabrikam Web", adapters.get(0).get("VMNetworkName").asText());
    assertEquals(1, adapters.get(0).get("IPv4Addresses").size(), "an address from the network's pool");

    JsonNode wapack = expanded(created, WAPACK_EXPAND);
    assertEquals(0, wapack.get("VirtualSCSIAdapters").size(), "no SCSI drive on generation 1");
    assertEquals(0, wapack.get("VMCheckpoints").size());
    assertEquals(1, wapack.get("VirtualDiskDrives").size());
  }

  @Test
  void aVmFromTheTemplateShowsItsStorageInAtom() {
    JsonNode created = createFromTemplate("storage-atom");
    Xml entry = Xml.parse(request().header("Accept", "application/atom+xml").get(root() + key(created) + "?"
        + WAPACK_EXPAND).then().statusCode(200).extract().asString());
    String disks = "/a:entry/a:link[@rel='" + RELATED + "VirtualHardDisks']/m:inline/a:feed/a:entry/a:content/m:properties";
    assertEquals(1, entry.count(disks));
    assertEquals("storage-atom.vhdx", entry.string(disks + "/d:Name"));
    assertEquals(TEMPLATE_DISK, entry.string(disks + "/d:ParentDiskId"));
    assertEquals(FORTY_GB, entry.string(disks + "/d:MaximumSize"));
    assertEquals("Edm.Int64", entry.string(disks + "/d:MaximumSize/@m:type"));
    String drive = "/a:entry/a:link[@rel='" + RELATED + "VirtualDiskDrives']/m:inline/a:feed/a:entry/a:content/m:properties";
    assertEquals(entry.string(disks + "/d:ID"), entry.string(drive + "/d:VirtualHardDiskId"));
    assertEquals("true", entry.string(drive + "/d:IDE"));
    assertEquals("0", entry.string(drive + "/d:Bus"));
    String dvd = "/a:entry/a:link[@rel='" + RELATED + "VirtualDVDDrives']/m:inline/a:feed/a:entry/a:content/m:properties";
    assertEquals("1", entry.string(dvd + "/d:Bus"));
    String adapter = "/a:entry/a:link[@rel='" + RELATED + "VirtualNetworkAdapters']/m:inline/a:feed/a:entry/a:content"
        + "/m:properties";
    assertEquals("Fabrikam Web", entry.string(adapter + "/d:VMNetworkName"));
    assertEquals(0, entry.count("/a:entry/a:link[@rel='" + RELATED + "VirtualSCSIAdapters']/m:inline/a:feed/a:entry"));
    assertEquals(FORTY_GB, entry.string("/a:entry/a:content/m:properties/d:TotalSize"));
  }

  @Test
  void anAtomCreateFromTheTemplateAnswersWithItsTotalSize() {
    String body = vmAtomEntry("<d:CloudId m:type=\"Edm.Guid\">" + CLOUD + "</d:CloudId>"
        + "<d:Name>storage-atom-create</d:Name>"
        + "<d:StampId m:type=\"Edm.Guid\">" + STAMP + "</d:StampId>"
        + "<d:VMTemplateId m:type=\"Edm.Guid\">" + TEMPLATE + "</d:VMTemplateId>");
    Xml reply = Xml.parse(dotNet4().contentType("application/atom+xml").body(body).post(root() + "VirtualMachines")
        .then().statusCode(201).extract().asString());
    assertEquals(FORTY_GB, reply.string("/a:entry/a:content/m:properties/d:TotalSize"));
  }

  @Test
  void aVmFromADiskAndAProfileHasThatDisk() {
    JsonNode created = json(jsonLight().body("{\"Name\":\"storage-vhd\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\""
        + CLOUD + "\",\"HardwareProfileId\":\"" + PROFILE + "\",\"VirtualHardDiskId\":\"" + UBUNTU_DISK + "\"}")
        .post(root() + "VirtualMachines").then().statusCode(201).extract().asString());
    assertEquals(FORTY_GB, created.get("TotalSize").asText());
    JsonNode vm = expanded(created, TENANT_API_EXPAND);
    assertEquals(UBUNTU_DISK, vm.get("VirtualHardDisks").get(0).get("ParentDiskId").asText());
    assertEquals("storage-vhd.vhdx", vm.get("VirtualHardDisks").get(0).get("Name").asText());
    assertEquals(0, vm.get("VirtualNetworkAdapters").size(), "no template, no inputs: no adapters");
  }

  @Test
  void deletingTheVmDeletesItsStorage() {
    JsonNode created = createFromTemplate("storage-gone");
    String vmId = created.get("ID").asText();
    String filter = "?$filter=VMId%20eq%20guid'" + vmId + "'";
    STORAGE.forEach(set -> assertEquals(set.equals("VirtualSCSIAdapters") ? 0 : 1, json(jsonLight()
        .get(root() + set + filter).then().statusCode(200).extract().asString()).get("value").size(), set));

    jsonLight().delete(root() + key(created)).then().statusCode(204);

    for (String set : STORAGE) {
      assertEquals(0, json(jsonLight().get(root() + set + filter).then().statusCode(200).extract().asString())
          .get("value").size(), set + " in JSON light");
      Xml feed = Xml.parse(request().header("Accept", "application/atom+xml").get(root() + set + filter).then()
          .statusCode(200).extract().asString());
      assertEquals(0, feed.count("/a:feed/a:entry"), set + " in Atom");
    }
    JsonNode templateDisk = json(jsonLight().get(root() + "VirtualHardDisks(ID=guid'" + TEMPLATE_DISK + "',StampId=guid'"
        + STAMP + "')").then().statusCode(200).extract().asString());
    assertEquals(TEMPLATE_DISK, templateDisk.get("ID").asText(), "the template's disk stays");
  }

  private int countOf(String set, String filter) {
    return json(jsonLight().get(root() + set + filter).then().statusCode(200).extract().asString()).get("value").size();
  }

  @Test
  void aFailedChangeSetTakesBackTheStorageOfAVmItCreated() {
    String json = "Content-Type: application/json\r\nAccept: application/json\r\n";
    String vmBody = "{\"Name\":\"storage-batch\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\"" + CLOUD
        + "\",\"VMTemplateId\":\"" + TEMPLATE + "\"}";
    List<BatchResponse.Part> parts = new BatchRequest().changeSet(
        BatchRequest.operation("POST", root() + "VirtualMachines", json, vmBody),
        BatchRequest.operation("POST", root() + "VMCheckPoints", json, "{\"Name\":\"no stamp\"}")).post(root());
    assertEquals(400, parts.get(0).single().status());
    assertEquals(0, countOf("VirtualMachines", "?$filter=Name%20eq%20'storage-batch'"));
    assertEquals(0, countOf("VirtualHardDisks", "?$filter=Name%20eq%20'storage-batch.vhdx'"), "the disk is gone");
    assertEquals(0, countOf("VirtualDiskDrives", "?$filter=Name%20eq%20'storage-batch%20disk%200'"), "the drive too");
  }

  @Test
  void aFailedChangeSetGivesBackTheStorageOfAVmItDeleted() {
    JsonNode created = createFromTemplate("storage-batch-delete");
    String filter = "?$filter=VMId%20eq%20guid'" + created.get("ID").asText() + "'";
    String json = "Content-Type: application/json\r\nAccept: application/json\r\n";
    List<BatchResponse.Part> parts = new BatchRequest().changeSet(
        BatchRequest.operation("DELETE", root() + key(created), json, null),
        BatchRequest.operation("POST", root() + "VMCheckPoints", json, "{\"Name\":\"no stamp\"}")).post(root());
    assertEquals(400, parts.get(0).single().status());
    for (String set : List.of("VirtualHardDisks", "VirtualDiskDrives", "VirtualDVDDrives")) {
      assertEquals(1, countOf(set, filter), set + " given back");
    }
  }
}
