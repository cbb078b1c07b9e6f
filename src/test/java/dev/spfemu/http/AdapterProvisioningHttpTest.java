package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** A VM create's NewVirtualNetworkAdapterInput becomes adapters with a MAC and a pool address, in JSON light and Atom. */
class AdapterProvisioningHttpTest extends EmulatorHttpTest {

  private String root;

  /** A VM network "web" with one subnet whose static IP pool holds 10.0.0.10–10.0.0.12. */
  private void network() {
    root = emptyRoot();
    String network = created(root + "VMNetworks", "{\"StampId\":\"" + STAMP + "\",\"Name\":\"web\"}");
    String subnet = created(root + "VMSubnets", "{\"StampId\":\"" + STAMP + "\",\"Name\":\"web-sub\",\"VMNetworkId\":\""
        + network + "\",\"Subnet\":\"10.0.0.0/24\"}");
    created(root + "StaticIPAddressPools", "{\"StampId\":\"" + STAMP + "\",\"Name\":\"web-pool\",\"VMSubnetId\":\""
        + subnet + "\",\"IPAddressRangeStart\":\"10.0.0.10\",\"IPAddressRangeEnd\":\"10.0.0.12\"}");
  }

  private static String created(String url, String body) {
    return json(jsonLight().body(body).post(url).then().statusCode(201).extract().asString()).get("ID").asText();
  }

  private String vm(String name, String networkName) {
    return jsonLight().body("{\"Name\":\"" + name + "\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\"" + CLOUD
        + "\",\"NewVirtualNetworkAdapterInput\":[{\"VMNetworkName\":\"" + networkName + "\"}]}")
        .post(root + "VirtualMachines").then().statusCode(201).extract().header("Location");
  }

  private static JsonNode read(String url) {
    return json(jsonLight().get(url).then().statusCode(200).extract().asString());
  }

  @Test
  void theNewVmsAdapterHasAMacAndAnAddressFromThePoolInJsonLight() {
    network();
    String vm = vm("web-01", "web");
    JsonNode adapters = read(vm + "/VirtualNetworkAdapters").get("value");
    assertEquals(1, adapters.size());
    JsonNode adapter = adapters.get(0);
    assertTrue(adapter.get("MACAddress").asText().matches("00:1D:D8:[0-9A-F]{2}:[0-9A-F]{2}:[0-9A-F]{2}"),
        adapter.toString());
    assertEquals("10.0.0.10", adapter.get("IPv4Addresses").get(0).asText());
    assertEquals("web", adapter.get("VMNetworkName").asText());
    assertEquals(read(vm).get("ID"), adapter.get("VMId"));
    JsonNode expanded = read(vm + "?$expand=VirtualNetworkAdapters").get("VirtualNetworkAdapters");
    assertEquals(adapter.get("MACAddress"), expanded.get(0).get("MACAddress"));

    JsonNode second = read(vm("web-02", "web") + "/VirtualNetworkAdapters").get("value").get(0);
    assertNotEquals(adapter.get("MACAddress"), second.get("MACAddress"));
    assertEquals("10.0.0.11", second.get("IPv4Addresses").get(0).asText());
  }

  @Test
  void theNewVmsAdapterInAtom() {
    network();
    String vm = vm("web-01", "web");
    Xml feed = Xml.parse(dotNet4().get(vm + "/VirtualNetworkAdapters").then().statusCode(200).extract().asString());
    assertEquals(1, feed.count("/a:feed/a:entry"));
    assertTrue(feed.string("/a:feed/a:entry/a:content/m:properties/d:MACAddress").startsWith("00:1D:D8:"));
    assertEquals("10.0.0.10", feed.string("/a:feed/a:entry/a:content/m:properties/d:IPv4Addresses/d:element"));
  }

  @Test
  void anAtomCreatesInputBecomesAnAdapter() {
    network();
    String entry = vmAtomEntry("<d:CloudId m:type=\"Edm.Guid\">" + CLOUD + "</d:CloudId>"
        + "<d:Name>atom-vm</d:Name>"
        + "<d:NewVirtualNetworkAdapterInput m:type=\"Collection(VMM.NewVMVirtualNetworkAdapterInput)\">"
        + "<d:element><d:VMNetworkName>web</d:VMNetworkName><d:MACAddressType>Dynamic</d:MACAddressType></d:element>"
        + "</d:NewVirtualNetworkAdapterInput>"
        + "<d:StampId m:type=\"Edm.Guid\">" + STAMP + "</d:StampId>");
    String vm = dotNet4().contentType("application/atom+xml").body(entry).post(root + "VirtualMachines").then()
        .statusCode(201).extract().header("Location");
    JsonNode adapter = read(vm + "/VirtualNetworkAdapters").get("value").get(0);
    assertEquals("web", adapter.get("VMNetworkName").asText());
    assertEquals("10.0.0.10", adapter.get("IPv4Addresses").get(0).asText());
  }

  @Test
  void anUnknownVmNetworkIsA404AndNoVmIsStored() {
    network();
    String body = jsonLight().body("{\"Name\":\"lost\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\"" + CLOUD
        + "\",\"NewVirtualNetworkAdapterInput\":[{\"VMNetworkName\":\"nowhere\"}]}")
        .post(root + "VirtualMachines").then().statusCode(404).extract().asString();
    assertEquals("ReferencedEntityNotFound", json(body).at("/odata.error/code").asText());
    assertEquals(0, read(root + "VirtualMachines").get("value").size());
  }

  @Test
  void deletingTheVmDeletesItsAdaptersAndFreesTheAddress() {
    network();
    String vm = vm("web-01", "web");
    jsonLight().delete(vm).then().statusCode(204);
    assertEquals(0, read(root + "VirtualNetworkAdapters").get("value").size());
    JsonNode again = read(vm("web-02", "web") + "/VirtualNetworkAdapters").get("value").get(0);
    assertEquals("10.0.0.10", again.get("IPv4Addresses").get(0).asText(), "the address went back to the pool");
  }
}
