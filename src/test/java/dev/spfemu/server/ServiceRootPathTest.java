package dev.spfemu.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceRootPathTest {

  private static final String SUBSCRIPTION = "ae122d5f-3aab-4d75-ad48-d6593246a49e";
  private static final String ROOT = "/" + SUBSCRIPTION + "/services/systemcenter/vmm";

  @Test
  void splitsRootAndResourcePath() {
    ServiceRootPath path = ServiceRootPath.match(ROOT + "/VMCheckPoints");

    assertEquals(SUBSCRIPTION, path.subscription());
    assertEquals(ROOT + "/", path.rootPath());
    assertEquals("VMCheckPoints", path.resourcePath());
  }

  @Test
  void keepsTheResourcePathEncoded() {
    ServiceRootPath path = ServiceRootPath.match(ROOT + "/VMCheckPoints(ID=guid%27" + SUBSCRIPTION + "%27)/Name");

    assertEquals("VMCheckPoints(ID=guid%27" + SUBSCRIPTION + "%27)/Name", path.resourcePath());
  }

  @Test
  void rootWithoutTrailingSlashHasAnEmptyResourcePath() {
    ServiceRootPath path = ServiceRootPath.match(ROOT);

    assertEquals(ROOT + "/", path.rootPath());
    assertEquals("", path.resourcePath());
  }

  @Test
  void rootWithTrailingSlashHasAnEmptyResourcePath() {
    ServiceRootPath path = ServiceRootPath.match(ROOT + "/");

    assertEquals(ROOT + "/", path.rootPath());
    assertEquals("", path.resourcePath());
  }

  @Test
  void fixedSegmentsCompareCaseInsensitivelyAndKeepTheirSpelling() {
    String upperSubscription = SUBSCRIPTION.toUpperCase();
    String root = "/" + upperSubscription + "/Services/SystemCenter/VMM/";

    ServiceRootPath path = ServiceRootPath.match(root + "$metadata");

    assertEquals(upperSubscription, path.subscription());
    assertEquals(root, path.rootPath());
    assertEquals("$metadata", path.resourcePath());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {
      "/",
      "/foo",
      "/not-a-guid-at-all-but-36-chars-long/services/systemcenter/vmm/VMCheckPoints",
      "/ae122d5f3aab-4d75-ad48-d6593246a49e-/services/systemcenter/vmm/VMCheckPoints",
      "/" + SUBSCRIPTION + "/services/systemcenter/vmmx",
      "/" + SUBSCRIPTION + "/services/systemcenter/vm",
      "/" + SUBSCRIPTION + "/services/systemcenter/other/VMCheckPoints",
      SUBSCRIPTION + "/services/systemcenter/vmm/x",
      "/services/systemcenter/vmm/Microsoft.Management.Odata.svc/Clouds",
      "/services/systemcenter/SC2012R2/" + SUBSCRIPTION + "/Microsoft.Management.Odata.svc/Clouds",
      "/services/SC2012R2/VMM/Microsoft.Management.Odata.svc/Clouds"})
  void otherPathsDoNotMatch(String rawPath) {
    assertNull(ServiceRootPath.match(rawPath));
  }

  @Test
  void theWapAdminRootSeesEverySubscription() {
    ServiceRootPath path = ServiceRootPath.match("/services/systemcenter/SC2012R2/VMM/Microsoft.Management.Odata.svc/Clouds()");

    assertNull(path.subscription());
    assertEquals("/services/systemcenter/SC2012R2/VMM/Microsoft.Management.Odata.svc/", path.rootPath());
    assertEquals("Clouds()", path.resourcePath());
    assertEquals("/Services/SystemCenter/sc2012/vmm/microsoft.management.odata.svc/",
        ServiceRootPath.match("/Services/SystemCenter/sc2012/vmm/microsoft.management.odata.svc").rootPath());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "//" + SUBSCRIPTION + "/services/systemcenter/vmm/VirtualMachines",
      "/" + SUBSCRIPTION + "//services/systemcenter/vmm//VirtualMachines",
      "/" + SUBSCRIPTION + "/services/systemcenter/vmm/VirtualMachines/",
      "/" + SUBSCRIPTION + "/services/systemcenter/vmm///VirtualMachines//"})
  void emptySegmentsAreIgnoredAndTheRootNamedWithoutThem(String rawPath) {
    ServiceRootPath path = ServiceRootPath.match(rawPath);

    assertEquals(SUBSCRIPTION, path.subscription());
    assertEquals(ROOT + "/", path.rootPath());
    assertEquals("VirtualMachines", path.resourcePath());
  }

  @Test
  void emptySegmentsInsideTheResourcePathAreIgnoredToo() {
    assertEquals("VirtualMachines(ID=guid'x')/Name",
        ServiceRootPath.match("/SC2012R2/VMM/Microsoft.Management.Odata.svc//VirtualMachines(ID=guid'x')//Name")
            .resourcePath());
    assertEquals("/SC2012R2/VMM/" + SUBSCRIPTION + "/Microsoft.Management.Odata.svc/",
        ServiceRootPath.match("/SC2012R2//VMM/" + SUBSCRIPTION + "/Microsoft.Management.Odata.svc//").rootPath());
  }

  @Test
  void nonAsciiDigitsDoNotMakeASubscriptionId() {
    assertNull(
        ServiceRootPath.match("/\uFF10e122d5f-3aab-4d75-ad48-d6593246a49e/services/systemcenter/vmm/X"));
  }

  @Test
  void spfsAdminServiceHasItsOwnRootWithoutASubscription() {
    ServiceRootPath path = ServiceRootPath.match("/SC2012R2/Admin/Microsoft.Management.Odata.svc/Tenants(guid'"
        + SUBSCRIPTION + "')");

    assertEquals(ServiceRootPath.Service.ADMIN, path.service());
    assertNull(path.subscription());
    assertEquals("/SC2012R2/Admin/Microsoft.Management.Odata.svc/", path.rootPath());
    assertEquals("Tenants(guid'" + SUBSCRIPTION + "')", path.resourcePath());
    assertEquals("Tenants", path.entitySet());
    assertEquals(ServiceRootPath.Service.ADMIN, ServiceRootPath.match("/sc2012/admin/microsoft.management.odata.svc").service());
    assertEquals(ServiceRootPath.Service.VMM, ServiceRootPath.match(ROOT + "/").service());
    assertNull(ServiceRootPath.match("/SC2012R2/Admin/" + SUBSCRIPTION + "/Microsoft.Management.Odata.svc/"));
  }

  @Test
  void onlyWapsTenantApiIsTheTenantApi() {
    org.junit.jupiter.api.Assertions.assertTrue(ServiceRootPath.match(
        "/ae122d5f-3aab-4d75-ad48-d6593246a49e/services/systemcenter/vmm/Clouds").tenantApi());
    org.junit.jupiter.api.Assertions.assertTrue(ServiceRootPath.match(
        "//ae122d5f-3aab-4d75-ad48-d6593246a49e/Services/SystemCenter/VMM//Clouds").tenantApi());
    org.junit.jupiter.api.Assertions.assertFalse(ServiceRootPath.match(
        "/SC2012R2/VMM/ae122d5f-3aab-4d75-ad48-d6593246a49e/Microsoft.Management.Odata.svc/Clouds").tenantApi());
    org.junit.jupiter.api.Assertions.assertFalse(ServiceRootPath.match(
        "/SC2012R2/VMM/Microsoft.Management.Odata.svc/Clouds").tenantApi());
    org.junit.jupiter.api.Assertions.assertFalse(ServiceRootPath.match(
        "/services/systemcenter/SC2012R2/VMM/Microsoft.Management.Odata.svc/Clouds").tenantApi());
    org.junit.jupiter.api.Assertions.assertFalse(ServiceRootPath.match(
        "/SC2012R2/Admin/Microsoft.Management.Odata.svc/Tenants").tenantApi());
  }
}
