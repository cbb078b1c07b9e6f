package dev.spfemu.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model file read into the model: real SPF's property order, keys, verbs and references. */
class ModelLoaderTest {

  private final ServiceModel model = ModelLoader.loadDefault();

  static ServiceModel load(String json) throws IOException {
    return ModelLoader.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theBuiltInModelHasEveryVmmTypeOnce() {
    assertEquals(31, model.entityTypes().size());
    assertEquals(6, model.complexTypes().size(), "SPF 2016's OwnerOrGuardian is not served on SC2012R2 roots");
    assertEquals("VMM", model.namespace());
    assertEquals("VMM.VMCheckPoint", model.byEntitySet("VMCheckPoints").qualifiedName());
    assertNull(model.byEntitySet("Nope"));
  }

  @Test
  void propertiesKeepRealSpfsOrder() {
    EntityTypeModel checkpoint = model.byEntitySet("VMCheckPoints");
    assertEquals(List.of("Accessibility", "CheckpointID", "Description", "Enabled", "ID", "Name",
        "ParentCheckpointID", "VMId", "AddedTime", "ModifiedTime", "StampId", "VMCheckPointAction", "Confirm",
        "RunAsynchronously"), checkpoint.properties().stream().map(PropertyModel::name).toList());
    for (int i = 0; i < checkpoint.propertyCount(); i++) {
      assertEquals(i, checkpoint.properties().get(i).index());
    }
  }

  @Test
  void keysVerbsAndRulesComeFromTheFile() {
    EntityTypeModel checkpoint = model.byEntitySet("VMCheckPoints");
    assertEquals(List.of("ID", "StampId"), checkpoint.keys().stream().map(PropertyModel::name).toList());
    assertEquals(List.of("GET", "POST"), checkpoint.setMethods());
    assertEquals(List.of("GET", "PUT", "MERGE", "PATCH", "DELETE"), checkpoint.entityMethods());
    assertEquals(List.of("StampId", "VMId"), checkpoint.requiredOnCreate().stream().map(PropertyModel::name).toList());
    assertTrue(checkpoint.isServerManaged(checkpoint.property("AddedTime")));
    assertFalse(checkpoint.isServerManaged(checkpoint.property("Name")));
    ReferenceModel vm = checkpoint.references().get(0);
    assertEquals("VMId", vm.property().name());
    assertEquals("VirtualMachines", vm.entitySet());
    assertEquals(List.of("ID", "VMId"), vm.matchedBy());
  }

  @Test
  void theTenantApiPassesOnLessThanSpfServes() {
    EntityTypeModel capacities = model.byEntitySet("CloudCapacities");
    assertTrue(capacities.adminOnly());
    assertFalse(model.byEntitySet("Clouds").adminOnly());
    EntityTypeModel templates = model.byEntitySet("VMTemplates");
    assertEquals(List.of("GET", "PUT", "MERGE", "PATCH"), templates.entityMethods());
    assertEquals(List.of("GET"), templates.tenantEntityMethods());
    EntityTypeModel vms = model.byEntitySet("VirtualMachines");
    assertEquals(vms.entityMethods(), vms.tenantEntityMethods(), "without tenantVerbs, tenants do what SPF allows");
    assertEquals(vms.setMethods(), vms.tenantSetMethods());
  }

  @Test
  void streamsAreNotValuesButNamedStreamsInTheirPlace() {
    EntityTypeModel vm = model.byEntitySet("VirtualMachines");
    assertNull(vm.property("VMConnection"), "a stream is no value");
    assertEquals("Edm.Stream", vm.unservedPropertyType("VMConnection"), "a body that carries it has it ignored");
    StreamModel connection = vm.stream("VMConnection");
    assertEquals("application/x-rdp", connection.contentType());
    assertEquals(List.of(connection), vm.streams());
    assertEquals("VMConfigResource", vm.properties().get(connection.position() - 1).name());
    assertNull(vm.stream("Name"));
    assertTrue(model.byEntitySet("VMCheckPoints").streams().isEmpty());
  }

  @Test
  void aStreamWithoutContentTypeIsRefused() {
    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> load("""
        {"namespace":"T","container":"T","entityTypes":[{"name":"A","entitySet":"As","keys":["ID"],
         "verbs":["GET"],"properties":[{"name":"ID","type":"Edm.Guid","nullable":false},
         {"name":"S","type":"Edm.Stream"}]}]}"""));
    assertTrue(refused.getMessage().contains("A: stream S needs a contentType"), refused.getMessage());
  }

  @Test
  void aVmsCloudIsAReferenceLenientInASubscriptionWithoutClouds() {
    ReferenceModel cloud = model.byEntitySet("VirtualMachines").references().stream()
        .filter(reference -> reference.property().name().equals("CloudId")).findFirst().orElseThrow();
    assertEquals("Clouds", cloud.entitySet());
    assertTrue(cloud.lenientWhenNone());
    assertTrue(model.byEntitySet("VMCheckPoints").references().stream().noneMatch(ReferenceModel::lenientWhenNone),
        "other references are always checked");
  }

  @Test
  void complexAndCollectionPropertiesAreTyped() {
    PropertyModel errorInfo = model.byEntitySet("Jobs").property("ErrorInfo");
    assertEquals("VMM.ErrorInfo", errorInfo.typeName());
    assertFalse(errorInfo.isPrimitive());
    PropertyModel granted = model.byEntitySet("VirtualMachines").property("GrantedToList");
    assertTrue(granted.collection());
    assertEquals("Collection(VMM.UserAndRole)", granted.typeName());
  }

  @Test
  void navigationIsFoundThroughForeignKeys() {
    EntityTypeModel vm = model.byEntitySet("VirtualMachines");
    assertEquals(List.of("VirtualNetworkAdapters", "VMCheckpoints", "VirtualSCSIAdapters", "VirtualHardDisks",
        "VirtualDVDDrives", "VirtualDiskDrives", "Cloud", "MostRecentTask", "FailedJob"),
        vm.navigation().stream().map(NavigationModel::name).toList());
    NavigationModel adapters = vm.navigation("VirtualNetworkAdapters");
    assertTrue(adapters.many());
    assertEquals("VirtualNetworkAdapters", adapters.target().entitySet());
    assertEquals(List.of("ID", "StampId"), adapters.from().stream().map(PropertyModel::name).toList());
    assertEquals(List.of("VMId", "StampId"), adapters.to().stream().map(PropertyModel::name).toList());
    assertFalse(adapters.byTargetKey());
    NavigationModel cloud = vm.navigation("Cloud");
    assertFalse(cloud.many());
    assertTrue(cloud.byTargetKey(), "a VM's cloud is found by the cloud's key");
    assertEquals("LogicalNetworks", model.byEntitySet("Clouds").navigation().get(0).name());
    assertEquals("TemplateId", model.byEntitySet("VMTemplates").navigation("VirtualNetworkAdapters").to().get(0).name());
    assertNull(vm.navigation("Nope"));
    assertTrue(model.byEntitySet("Jobs").navigation().isEmpty());
  }

  @Test
  void aNavigationPropertyMustLeadSomewhereThroughPropertiesOfOneType() {
    String head = """
        {"namespace":"T","container":"T","entityTypes":[{"name":"A","entitySet":"As","keys":["ID"],"verbs":["GET"],
         "properties":[{"name":"ID","type":"Edm.Guid","nullable":false},{"name":"N","type":"Edm.String"}],
         "navigation":[""";
    String tail = "]}]}";
    assertTrue(assertThrows(IllegalStateException.class, () -> load(head
        + "{\"name\":\"Bs\",\"entitySet\":\"Bs\",\"many\":true,\"from\":[\"ID\"],\"to\":[\"ID\"]}" + tail))
        .getMessage().contains("A.Bs: no entity set Bs"));
    assertTrue(assertThrows(IllegalStateException.class, () -> load(head
        + "{\"name\":\"Self\",\"entitySet\":\"As\",\"many\":false,\"from\":[\"N\"],\"to\":[\"ID\"]}" + tail))
        .getMessage().contains("must be primitive properties of the same type"));
    assertTrue(assertThrows(IllegalStateException.class, () -> load(head
        + "{\"name\":\"N\",\"entitySet\":\"As\",\"many\":false,\"from\":[\"ID\"],\"to\":[\"ID\"]}" + tail))
        .getMessage().contains("a property has that name already"));
    assertTrue(assertThrows(IllegalStateException.class, () -> load(head
        + "{\"name\":\"Self\",\"entitySet\":\"As\",\"many\":false,\"from\":[\"ID\"],\"to\":[]}" + tail))
        .getMessage().contains("must name as many properties"));
  }

  @Test
  void aNavigationRelatesEntitiesWhoseKeysMatch() {
    NavigationModel adapters = model.byEntitySet("VirtualMachines").navigation("VirtualNetworkAdapters");
    EntityTypeModel vm = adapters.source();
    EntityTypeModel adapter = adapters.target();
    Object[] vmValues = new Object[vm.propertyCount()];
    Object[] adapterValues = new Object[adapter.propertyCount()];
    java.util.UUID id = java.util.UUID.randomUUID();
    java.util.UUID stamp = java.util.UUID.randomUUID();
    vmValues[vm.property("ID").index()] = id;
    vmValues[vm.property("StampId").index()] = stamp;
    adapterValues[adapter.property("VMId").index()] = id;
    assertFalse(adapters.relates(i -> vmValues[i], i -> adapterValues[i]), "not on the same stamp");
    adapterValues[adapter.property("StampId").index()] = stamp;
    assertTrue(adapters.relates(i -> vmValues[i], i -> adapterValues[i]));
    vmValues[vm.property("ID").index()] = null;
    assertFalse(adapters.relates(i -> vmValues[i], i -> adapterValues[i]), "null relates to nothing");
  }

  @Test
  void aKeyThatCannotBeWrittenInAUrlIsRefused() {
    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> load("""
        {"namespace":"T","container":"T","entityTypes":[{"name":"A","entitySet":"As","keys":["On"],
         "verbs":["GET"],"properties":[{"name":"On","type":"Edm.Boolean","nullable":false}]}]}"""));
    assertTrue(refused.getMessage().contains("A: key On must be a non-nullable Edm.Guid"), refused.getMessage());
  }

  @Test
  void aNullableKeyIsRefused() {
    assertThrows(IllegalStateException.class, () -> load("""
        {"namespace":"T","container":"T","entityTypes":[{"name":"A","entitySet":"As","keys":["ID"],
         "verbs":["GET"],"properties":[{"name":"ID","type":"Edm.Guid"}]}]}"""));
  }

  @Test
  void anUnknownTypeIsRefused() {
    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> load("""
        {"namespace":"T","container":"T","entityTypes":[{"name":"A","entitySet":"As","keys":["ID"],
         "verbs":["GET"],"properties":[{"name":"ID","type":"Edm.Guid","nullable":false},
         {"name":"X","type":"Edm.Nothing"}]}]}"""));
    assertTrue(refused.getMessage().contains("A.X: unknown type Edm.Nothing"), refused.getMessage());
  }
}
