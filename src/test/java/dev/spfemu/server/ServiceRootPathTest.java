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
      "//" + SUBSCRIPTION + "/services/systemcenter/vmm"})
  void otherPathsDoNotMatch(String rawPath) {
    assertNull(ServiceRootPath.match(rawPath));
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
}
