package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every root is an SC2012R2 root, so nothing SPF 2016 added is served: strict clients (dasein's
 * Jackson models, CLIENTS.md D.3 and D.7 item 16) fail on any property they do not know. A 2012 R2
 * Cloud has exactly seven properties, a UserAndRole exactly three, and no shielding field exists,
 * in any format, on any root.
 */
class VersionFaithfulModelTest extends EmulatorHttpTest {

  private static final Set<String> CLOUD = Set.of("ID", "StampId", "Name", "Description", "LastModifiedDate",
      "WritableLibraryPath", "UserRoleID");
  private static final Set<String> USER_AND_ROLE = Set.of("UserName", "RoleName", "RoleID");
  /** What SPF 2016 added for shielded VMs: on Cloud, VirtualMachine, VMTemplate and VirtualHardDisk. */
  private static final List<String> SPF_2016_ONLY = List.of("ShieldedVMSupportPolicy", "Shielded", "VMShieldingDataId",
      "KeyProtectorOwner", "KeyProtectorGuardians", "SecuritySummary", "VolumeSignatureCatalogName",
      "VolumeSignatureCatalogVersion", "VolumeSignatureCatalogIssuerName", "OwnerOrGuardian");

  private List<String> roots() {
    return List.of(spf.serviceRoot(SEED_SUBSCRIPTION),
        spf.baseUrl() + "/SC2012R2/VMM/" + SEED_SUBSCRIPTION + "/Microsoft.Management.Odata.svc/",
        spf.baseUrl() + "/SC2012R2/VMM/Microsoft.Management.Odata.svc/");
  }

  /** The structural properties of an entity: not annotations, and not verbose JSON's deferred navigation links. */
  private static Set<String> properties(JsonNode entity) {
    Set<String> names = new TreeSet<>();
    entity.fieldNames().forEachRemaining(name -> {
      if (!name.startsWith("odata.") && !name.contains("@") && !name.equals("__metadata")
          && !entity.get(name).has("__deferred")) {
        names.add(name);
      }
    });
    return names;
  }

  @Test
  void aCloudHasExactlyTheSevenPropertiesOf2012R2InEveryJsonFormatOnEveryRoot() {
    for (String root : roots()) {
      for (String accept : new String[] {"application/json", "application/json;odata=minimalmetadata",
          "application/json;odata=fullmetadata", "application/json;odata=nometadata"}) {
        JsonNode clouds = json(request().header("Accept", accept).get(root + "Clouds").then().statusCode(200)
            .extract().asString()).get("value");
        assertTrue(clouds.size() > 0, root);
        for (JsonNode cloud : clouds) {
          assertEquals(new TreeSet<>(CLOUD), properties(cloud), root + " " + accept);
        }
      }
      JsonNode verbose = json(request().header("Accept", "application/json;odata=verbose").get(root + "Clouds")
          .then().statusCode(200).extract().asString()).get("d");
      JsonNode results = verbose.has("results") ? verbose.get("results") : verbose;
      for (JsonNode cloud : results) {
        assertEquals(new TreeSet<>(CLOUD), properties(cloud), root + " verbose");
      }
      Xml atom = Xml.parse(dotNet4().get(root + "Clouds").then().statusCode(200).extract().asString());
      assertEquals(new TreeSet<>(CLOUD), new TreeSet<>(localNames(atom)), root + " atom");
    }
  }

  /** The property element names of the first Atom entry. */
  private static List<String> localNames(Xml atom) {
    List<String> names = new ArrayList<>();
    int count = atom.count("//a:entry[1]/a:content/m:properties/*");
    for (int i = 1; i <= count; i++) {
      names.add(atom.string("local-name(//a:entry[1]/a:content/m:properties/*[" + i + "])"));
    }
    return names;
  }

  @Test
  void ownerAndGrantedToListItemsHaveExactlyUserNameRoleNameAndRoleId() {
    for (String set : new String[] {"VirtualMachines", "VMTemplates", "HardwareProfiles", "VMNetworks"}) {
      JsonNode entities = json(request().header("Accept", "application/json").get(spf.serviceRoot(SEED_SUBSCRIPTION)
          + set).then().statusCode(200).extract().asString()).get("value");
      for (JsonNode entity : entities) {
        JsonNode owner = entity.get("Owner");
        if (owner != null && !owner.isNull()) {
          assertEquals(new TreeSet<>(USER_AND_ROLE), properties(owner), set + " Owner");
        }
        for (JsonNode granted : entity.path("GrantedToList")) {
          assertEquals(new TreeSet<>(USER_AND_ROLE), properties(granted), set + " GrantedToList");
        }
      }
    }
  }

  @Test
  void noSpf2016PropertyIsServedOrDeclared() {
    for (String root : roots()) {
      String metadata = request().get(root + "$metadata").then().statusCode(200).extract().asString();
      for (String name : SPF_2016_ONLY) {
        assertFalse(metadata.contains("\"" + name + "\""), root + "$metadata declares " + name);
      }
      for (String set : new String[] {"VirtualMachines", "VMTemplates", "VirtualHardDisks", "Clouds"}) {
        String body = request().header("Accept", "application/json;odata=fullmetadata").get(root + set).then()
            .statusCode(200).extract().asString();
        for (String name : SPF_2016_ONLY) {
          assertFalse(body.contains("\"" + name), root + set + " serves " + name);
        }
      }
    }
  }
}
