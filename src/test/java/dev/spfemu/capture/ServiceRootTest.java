package dev.spfemu.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The three roots a capture starts from, told apart by their paths. */
class ServiceRootTest {

  private static final String SUB = "ae122d5f-3aab-4d75-ad48-d6593246a49e";

  @Test
  void theTenantRootNamesItsSubscription() throws Exception {
    ServiceRoot root = ServiceRoot.of(URI.create("https://wap:30006/" + SUB.toUpperCase() + "/services/systemcenter/vmm"));
    assertEquals(SUB, root.subscription());
    assertTrue(root.tenant());
    assertEquals("https://wap:30006/" + SUB.toUpperCase() + "/services/systemcenter/vmm/", root.url());
    assertNull(root.adminRoot(), "a tenant root has no Admin service beside it");
  }

  @Test
  void spfsPerSubscriptionRootNamesItsSubscription() throws Exception {
    ServiceRoot root = ServiceRoot.of(URI.create("https://spf:8090/SC2012R2/VMM/" + SUB
        + "/Microsoft.Management.Odata.svc/?x=1"));
    assertEquals(SUB, root.subscription());
    assertFalse(root.tenant());
    assertEquals("https://spf:8090/SC2012R2/VMM/" + SUB + "/Microsoft.Management.Odata.svc/", root.url());
  }

  @Test
  void theAllSubscriptionsRootLeadsToEachSubscriptionAndTheAdminService() throws Exception {
    ServiceRoot root = ServiceRoot.of(URI.create("https://spf:8090/SC2012R2/VMM/Microsoft.Management.Odata.svc/"));
    assertNull(root.subscription());
    assertEquals("https://spf:8090/SC2012R2/VMM/" + SUB + "/Microsoft.Management.Odata.svc/",
        root.forSubscription(SUB.toUpperCase()).url());
    assertEquals(SUB, root.forSubscription(SUB).subscription());
    assertEquals("https://spf:8090/SC2012R2/Admin/Microsoft.Management.Odata.svc/", root.adminRoot());
  }

  @Test
  void anythingElseIsRefusedWithTheShapesExpected() {
    CaptureException other = assertThrows(CaptureException.class,
        () -> ServiceRoot.of(URI.create("https://spf:8090/odata/")));
    assertTrue(other.getMessage().contains("is not an SPF VMM root: expected"), other.getMessage());
    CaptureException ftp = assertThrows(CaptureException.class,
        () -> ServiceRoot.of(URI.create("ftp://spf/SC2012R2/VMM/Microsoft.Management.Odata.svc/")));
    assertTrue(ftp.getMessage().contains("is not an http:// or https:// URL"), ftp.getMessage());
  }
}
