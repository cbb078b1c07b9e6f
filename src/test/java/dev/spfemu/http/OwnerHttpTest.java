package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** A new VM's Owner is the caller and the subscription's user role where the body leaves it null. */
class OwnerHttpTest extends EmulatorHttpTest {

  private static final String ROLE = "00000000-0000-4000-8000-000000000900"; // the demo subscription's only role

  private static String vm(String owner) {
    return "{\"StampId\":\"" + STAMP + "\",\"Name\":\"owned\",\"CloudId\":\"" + CLOUD + "\",\"Owner\":" + owner + "}";
  }

  @Test
  void theOwnerIsThePrincipalAndTheSubscriptionsRole() {
    JsonNode owner = json(jsonLight().header("x-ms-principal-id", "tenant@fabrikam.com").body(vm("null"))
        .post(demoRoot() + "VirtualMachines").then().statusCode(201).extract().asString()).get("Owner");
    assertEquals("tenant@fabrikam.com", owner.get("UserName").asText());
    assertEquals(ROLE, owner.get("RoleID").asText());
    assertEquals("Tenant - fabrikam", owner.get("RoleName").asText());
  }

  @Test
  void withoutAPrincipalTheOwnerIsTheRole() {
    JsonNode owner = json(jsonLight().body(vm("{\"UserName\":null,\"RoleName\":null,\"RoleID\":null}"))
        .post(demoRoot() + "VirtualMachines").then().statusCode(201).extract().asString()).get("Owner");
    assertTrue(owner.get("UserName").isNull(), owner.toString());
    assertEquals(ROLE, owner.get("RoleID").asText());
  }

  @Test
  void anOwnerSentInFullIsKept() {
    String role = "11111111-2222-3333-4444-555555555555";
    JsonNode owner = json(jsonLight().header("x-ms-principal-id", "tenant@fabrikam.com")
        .body(vm("{\"UserName\":\"someone@else\",\"RoleName\":\"Other\",\"RoleID\":\"" + role + "\"}"))
        .post(demoRoot() + "VirtualMachines").then().statusCode(201).extract().asString()).get("Owner");
    assertEquals("someone@else", owner.get("UserName").asText());
    assertEquals("Other", owner.get("RoleName").asText());
    assertEquals(role, owner.get("RoleID").asText());
  }

  @Test
  void anAtomCreateGetsTheSameOwner() {
    String entry = vmAtomEntry("<d:Name>owned</d:Name>"
        + "<d:StampId m:type=\"Edm.Guid\">" + STAMP + "</d:StampId>"
        + "<d:CloudId m:type=\"Edm.Guid\">" + CLOUD + "</d:CloudId>");
    String location = dotNet4().header("x-ms-principal-id", "tenant@fabrikam.com").contentType("application/atom+xml")
        .body(entry).post(demoRoot() + "VirtualMachines").then().statusCode(201).extract().header("Location");
    JsonNode owner = json(jsonLight().get(location).then().statusCode(200).extract().asString()).get("Owner");
    assertEquals("tenant@fabrikam.com", owner.get("UserName").asText());
    assertEquals(ROLE, owner.get("RoleID").asText());
  }
}
