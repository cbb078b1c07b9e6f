package dev.spfemu.vmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.model.NavigationModel;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The domain finds what a navigation property leads to, in the source's subscription. */
class NavigationTest {

  private static final String OTHER = "0b6f1c61-5b4e-4d0f-9d55-2f1f3b0c9a11";

  private final VmmFixture fixture = new VmmFixture(Duration.ZERO);
  private final Navigation navigation = fixture.vmm.navigation();

  @AfterEach
  void close() {
    fixture.close();
  }

  private NavigationModel nav(String set, String name) {
    return fixture.model.byEntitySet(set).navigation(name);
  }

  private EntityRecord create(String subscription, String set, Object... namesAndValues) {
    return fixture.set(set).create(subscription, fixture.payload(set, namesAndValues), false).entity();
  }

  private static Set<Object> names(List<OwnedEntity> entities, int nameIndex) {
    return entities.stream().map(e -> e.value(nameIndex)).collect(Collectors.toSet());
  }

  @Test
  void aVmLeadsToItsOwnAdaptersOnItsStamp() {
    EntityRecord vm = fixture.createVm("web-01", false);
    UUID vmId = (UUID) vm.key().value(0);
    create(VmmFixture.SUBSCRIPTION, "VirtualNetworkAdapters", "Name", "nic-0", "VMId", vmId, "StampId", VmmFixture.STAMP);
    create(VmmFixture.SUBSCRIPTION, "VirtualNetworkAdapters", "Name", "nic-1", "VMId", vmId, "StampId", VmmFixture.STAMP);
    create(VmmFixture.SUBSCRIPTION, "VirtualNetworkAdapters", "Name", "other stamp", "VMId", vmId,
        "StampId", UUID.randomUUID());
    create(VmmFixture.SUBSCRIPTION, "VirtualNetworkAdapters", "Name", "template's", "TemplateId", vmId,
        "StampId", VmmFixture.STAMP);
    create(OTHER, "VirtualNetworkAdapters", "Name", "other subscription", "VMId", vmId, "StampId", VmmFixture.STAMP);

    NavigationModel adapters = nav("VirtualMachines", "VirtualNetworkAdapters");
    int name = adapters.target().property("Name").index();
    List<OwnedEntity> found = navigation.related(new OwnedEntity(VmmFixture.SUBSCRIPTION, vm), adapters);
    assertEquals(Set.of("nic-0", "nic-1"), names(found, name));
    assertTrue(found.stream().allMatch(e -> e.subscription().equals(VmmFixture.SUBSCRIPTION)));
    assertEquals(List.of(), navigation.related(new OwnedEntity(OTHER, vm), nav("VirtualMachines", "VMCheckpoints")));
  }

  @Test
  void aToOneNavigationIsOneKeyLookUpAndNullLeadsNowhere() {
    UUID cloudId = UUID.randomUUID();
    create(VmmFixture.SUBSCRIPTION, "Clouds", "ID", cloudId, "StampId", VmmFixture.STAMP, "Name", "Gold");
    EntityRecord vm = create(VmmFixture.SUBSCRIPTION, "VirtualMachines", "Name", "db", "StampId", VmmFixture.STAMP,
        "CloudId", cloudId);
    NavigationModel cloud = nav("VirtualMachines", "Cloud");

    List<OwnedEntity> found = navigation.related(new OwnedEntity(VmmFixture.SUBSCRIPTION, vm), cloud);
    assertEquals(Set.of("Gold"), names(found, cloud.target().property("Name").index()));
    assertEquals(List.of(), navigation.related(new OwnedEntity(VmmFixture.SUBSCRIPTION, vm), nav("VirtualMachines",
        "FailedJob")), "FailedJobID is null");
    // a subscription without clouds takes any CloudId (a subscription with clouds refuses an unknown one)
    String cloudless = "3f6a1c2e-8b4d-4e7a-9c5f-0d1e2f3a4b5c";
    EntityRecord lost = create(cloudless, "VirtualMachines", "Name", "lost", "StampId", VmmFixture.STAMP,
        "CloudId", cloudId);
    assertEquals(List.of(), navigation.related(new OwnedEntity(cloudless, lost), cloud));
  }

  @Test
  void aKeyAfterAToManyNavigationMustNameARelatedEntity() {
    EntityRecord vm = fixture.createVm("web-01", false);
    EntityRecord other = fixture.createVm("web-02", false);
    EntityRecord nic = create(VmmFixture.SUBSCRIPTION, "VirtualNetworkAdapters", "Name", "nic", "VMId",
        vm.key().value(0), "StampId", VmmFixture.STAMP);
    NavigationModel adapters = nav("VirtualMachines", "VirtualNetworkAdapters");

    OwnedEntity found = navigation.related(new OwnedEntity(VmmFixture.SUBSCRIPTION, vm), adapters, nic.key());
    assertEquals(nic, found.record());
    assertNull(navigation.related(new OwnedEntity(VmmFixture.SUBSCRIPTION, other), adapters, nic.key()));
    assertNull(navigation.related(new OwnedEntity(VmmFixture.SUBSCRIPTION, vm), adapters,
        EntityKey.of(UUID.randomUUID(), VmmFixture.STAMP)));
  }

  @Test
  void listOwnedGivesEachEntityItsSubscription() {
    fixture.createVm("mine", false);
    create(OTHER, "VirtualMachines", "Name", "theirs", "StampId", VmmFixture.STAMP, "CloudId", VmmFixture.CLOUD);
    EntitySet vms = fixture.set("VirtualMachines");
    int name = vms.type().property("Name").index();

    assertEquals(Set.of("mine"), names(vms.listOwned(VmmFixture.SUBSCRIPTION), name));
    Set<String> owners = vms.listOwned(null).stream().map(e -> e.value(name) + "@" + e.subscription())
        .collect(Collectors.toSet());
    assertEquals(Set.of("mine@" + VmmFixture.SUBSCRIPTION, "theirs@" + OTHER), owners);
  }
}
