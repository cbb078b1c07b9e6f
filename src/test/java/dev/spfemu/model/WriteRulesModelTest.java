package dev.spfemu.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The model's write rules: secrets (write-only) and the VM's server-set properties. */
class WriteRulesModelTest {

  private final ServiceModel model = ModelLoader.loadDefault();
  private final EntityTypeModel vm = model.byEntitySet("VirtualMachines");

  @Test
  void vmSecretsAreWriteOnlyAndThePublicSshKeyIsNot() {
    assertEquals(List.of("LocalAdminPassword", "Password", "ProductKey", "LinuxAdministratorSSHKey"),
        vm.secrets().stream().map(PropertyModel::name).toList());
    assertTrue(vm.isSecret(vm.property("LocalAdminPassword")));
    assertFalse(vm.isSecret(vm.property("LinuxAdministratorSSHKeyString")), "a public key");
    assertFalse(vm.isSecret(vm.property("LocalAdminUserName")));
    assertEquals(Set.of("LinuxAdministratorSSHKey", "LocalAdminPassword", "Password", "ProductKey"),
        model.secretNames());
  }

  @Test
  void writersGetNullForASecretWhateverIsStored() {
    Object[] values = new Object[vm.propertyCount()];
    values[vm.property("LocalAdminPassword").index()] = "stored by mistake";
    values[vm.property("Name").index()] = "vm";
    EntityValues entity = i -> values[i];
    assertEquals(null, vm.writtenValue(entity, vm.property("LocalAdminPassword")));
    assertEquals("vm", vm.writtenValue(entity, vm.property("Name")));
  }

  @Test
  void theVmsStateIsTheServers() {
    for (String name : List.of("Status", "StatusString", "VirtualMachineState", "MostRecentTaskId", "AddedTime",
        "ModifiedTime", "LastRestoredCheckpointId")) {
      assertTrue(vm.isServerManaged(vm.property(name)), name);
    }
    assertFalse(vm.isServerManaged(vm.property("Operation")), "state changes through Operation");
    assertFalse(vm.isServerManaged(vm.property("Description")));
  }

  @Test
  void aSecretMustBeAPrimitiveNonKeyProperty() throws Exception {
    assertThrows(IllegalStateException.class, () -> ModelLoaderTest.load("""
        {"namespace":"T","container":"T","entityTypes":[{"name":"A","entitySet":"As","keys":["ID"],
         "verbs":["GET"],"secrets":["ID"],"properties":[{"name":"ID","type":"Edm.Guid","nullable":false}]}]}"""));
    assertThrows(IllegalStateException.class, () -> ModelLoaderTest.load("""
        {"namespace":"T","container":"T","entityTypes":[{"name":"A","entitySet":"As","keys":["ID"],
         "verbs":["GET"],"secrets":["Nope"],"properties":[{"name":"ID","type":"Edm.Guid","nullable":false}]}]}"""));
  }
}
