package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * The bodies of the Azure PowerShell WAPack IaaS cmdlets (CLIENTS.md D.5), replayed: Newtonsoft's
 * indented serialisation of the DataSvcUtil proxy, every property null unless set, complex values
 * as objects of nulls, collections as {@code []}, and the navigation properties {@code Cloud},
 * {@code MostRecentTask}, {@code FailedJob} (null) and the to-many ones ({@code []}). Start-WAPackVM
 * sets only {@code ID}, {@code StampId} and {@code Operation}, and must not wipe the VM.
 */
class WapackBodiesTest extends EmulatorHttpTest {

  private static final String OWNER_ROLE = "5d2cf61c-f7c4-46e6-a6df-1c6e1f2aa797";

  /**
   * WAPack's headers. It also sends {@code Prefer: return-content} on PUT; that header's answer is
   * not what these tests are about, so it is left out and the plain 204 expected.
   */
  private static RequestSpecification wapack() {
    return request()
        .header("Accept", "application/json")
        .header("Expect", "100-continue")
        .contentType("application/json");
  }

  @Test
  void startWithEveryOtherPropertyNullStartsTheVmAndKeepsItsValues() {
    String root = emptyRoot();
    String id = json(jsonLight().body("{\"Name\":\"web-01\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\"" + CLOUD
        + "\",\"Description\":\"kept\",\"CPUCount\":2,\"Memory\":2048,\"TotalSize\":\"42\","
        + "\"Owner\":{\"UserName\":\"tenant@fabrikam.com\",\"RoleName\":\"Tenant\",\"RoleID\":\"" + OWNER_ROLE + "\"},"
        + "\"GrantedToList\":[{\"UserName\":\"bob\",\"RoleName\":null,\"RoleID\":null}]}")
        .post(root + "VirtualMachines").then().statusCode(201).extract().asString()).get("ID").asText();
    String vm = root + "VirtualMachines(ID=guid'" + id + "',StampId=guid'" + STAMP + "')";
    JsonNode before = json(wapack().get(vm).then().statusCode(200).extract().asString());

    wapack().body(fixture("bodies/wapack-vm-start.json").replace("VM_ID", id).replace("STAMP_ID", STAMP))
        .put(vm).then().statusCode(204);

    JsonNode after = json(wapack().get(vm).then().statusCode(200).extract().asString());
    assertEquals("Running", after.get("Status").asText());
    for (String kept : new String[] {"Name", "Description", "CPUCount", "Memory", "TotalSize", "Owner", "GrantedToList",
        "CloudId", "AddedTime", "StartVM"}) {
      assertEquals(before.get(kept), after.get(kept), kept);
    }
    assertEquals("Start-SCVirtualMachine", json(wapack().get(root + "Jobs(ID=guid'" + after.get("MostRecentTaskId")
        .asText() + "',StampId=guid'" + STAMP + "')").then().statusCode(200).extract().asString())
        .get("CmdletName").asText());
  }
}
