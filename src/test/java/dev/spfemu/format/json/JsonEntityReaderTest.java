package dev.spfemu.format.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import dev.spfemu.error.ServiceException;
import dev.spfemu.model.ComplexValue;
import dev.spfemu.model.EntityPayload;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.ModelLoader;
import dev.spfemu.model.NavigationModel;
import dev.spfemu.model.PropertyModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonEntityReaderTest {

  private static final UUID ZERO = new UUID(0, 0);
  private static final UUID STAMP = UUID.fromString("d70c1a9b-c241-48f5-880a-b6c36071e653");
  private static final UUID VM = UUID.fromString("f11b61fa-b5c7-4807-93b4-f9b371896c6f");

  private final EntityTypeModel checkpoint = ModelLoader.loadDefault().byEntitySet("VMCheckPoints");
  private final JsonEntityReader reader = new JsonEntityReader(new JsonFactory());

  private static String fixture(String name) {
    try (InputStream in = JsonEntityReaderTest.class.getResourceAsStream("/fixtures/" + name)) {
      assertNotNull(in, name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private EntityPayload read(String body) {
    return reader.read(body.getBytes(StandardCharsets.UTF_8), checkpoint);
  }

  private Object value(EntityPayload payload, String property) {
    return payload.value(checkpoint.property(property));
  }

  private boolean present(EntityPayload payload, String property) {
    return payload.isPresent(checkpoint.property(property));
  }

  @Test
  void readsTheSeedBodyWithAllFourteenProperties() {
    EntityPayload payload = read(fixture("seed-request.json"));

    assertEquals(14, checkpoint.propertyCount());
    for (PropertyModel property : checkpoint.properties()) {
      assertTrue(payload.isPresent(property), property.name());
    }
    assertEquals(ZERO, value(payload, "ID"));
    assertEquals("Checkpoint 1", value(payload, "Name"));
    assertEquals(STAMP, value(payload, "StampId"));
    assertEquals(VM, value(payload, "VMId"));
    Set<String> nonNull = Set.of("ID", "Name", "StampId", "VMId");
    for (PropertyModel property : checkpoint.properties()) {
      if (!nonNull.contains(property.name())) {
        assertNull(payload.value(property), property.name());
      }
    }
  }

  @Test
  void acceptsPropertyAnnotationsAndNullsAnnotatedAsString() {
    EntityPayload payload = read("{\"odata.type\":\"VMM.VMCheckPoint\","
        + "\"ID@odata.type\":\"Edm.Guid\",\"ID\":\"00000000-0000-0000-0000-000000000000\","
        + "\"StampId@odata.type\":\"Edm.Guid\",\"StampId\":\"d70c1a9b-c241-48f5-880a-b6c36071e653\","
        + "\"CheckpointID@odata.type\":\"Edm.String\",\"CheckpointID\":null,"
        + "\"Enabled@odata.type\":\"Edm.String\",\"Enabled\":null,"
        + "\"AddedTime@odata.type\":\"Edm.String\",\"AddedTime\":null}");

    assertEquals(ZERO, value(payload, "ID"));
    assertEquals(STAMP, value(payload, "StampId"));
    assertTrue(present(payload, "CheckpointID"));
    assertNull(value(payload, "CheckpointID"));
    assertTrue(present(payload, "Enabled"));
    assertTrue(present(payload, "AddedTime"));
    assertFalse(present(payload, "Name"));
  }

  @Test
  void readsJsonStringsForEveryPrimitiveTypeAsTheirText() {
    EntityTypeModel vm = ModelLoader.loadDefault().byEntitySet("VirtualMachines");
    EntityPayload payload = reader.read(("{\"CPUCount\":\"4\",\"Memory\":\"2048\",\"MemoryAvailablePercentage\":\"-1\","
        + "\"TotalSize\":\"42\",\"StartVM\":\"true\",\"Enabled\":\"0\",\"CloudId\":\"" + VM.toString().toUpperCase()
        + "\",\"AddedTime\":\"2014-08-28T14:19:48.8838623-07:00\"}").getBytes(StandardCharsets.UTF_8), vm);

    assertEquals(4, payload.value(vm.property("CPUCount")));
    assertEquals(2048, payload.value(vm.property("Memory")));
    assertEquals(-1, payload.value(vm.property("MemoryAvailablePercentage")));
    assertEquals(42L, payload.value(vm.property("TotalSize")));
    assertEquals(Boolean.TRUE, payload.value(vm.property("StartVM")));
    assertEquals(Boolean.FALSE, payload.value(vm.property("Enabled")));
    assertEquals(VM, payload.value(vm.property("CloudId")));
    assertEquals(OffsetDateTime.parse("2014-08-28T14:19:48.8838623-07:00"), payload.value(vm.property("AddedTime")));
  }

  @Test
  void aStringThatIsNoValueOfItsTypeNamesThePropertyTheTypeAndTheValue() {
    EntityTypeModel vm = ModelLoader.loadDefault().byEntitySet("VirtualMachines");
    ServiceException e = assertThrows(ServiceException.class,
        () -> reader.read("{\"CPUCount\":\"lots\"}".getBytes(StandardCharsets.UTF_8), vm));

    assertEquals("InvalidPropertyValue", e.code());
    assertTrue(e.getMessage().contains("'CPUCount'"), e.getMessage());
    assertTrue(e.getMessage().contains("Edm.Byte"), e.getMessage());
    assertTrue(e.getMessage().contains("'lots'"), e.getMessage());
  }

  private final EntityTypeModel vm = ModelLoader.loadDefault().byEntitySet("VirtualMachines");

  private EntityPayload readVm(String body) {
    return reader.read(body.getBytes(StandardCharsets.UTF_8), vm);
  }

  private List<String> withEntities(EntityPayload payload) {
    return payload.navigationWithEntities().stream().map(NavigationModel::name).toList();
  }

  @Test
  void navigationPropertiesSentAsNullOrEmptyCarryNothing() {
    // WAPack's proxy (CLIENTS.md D.5): to-one null, to-many []; a verbose read echoed back: __deferred
    EntityPayload payload = readVm("{\"Name\":\"web-01\",\"Cloud\":null,\"MostRecentTask\":null,\"FailedJob\":null,"
        + "\"VirtualNetworkAdapters\":[],\"VMCheckpoints\":[],\"VirtualDiskDrives\":{\"results\":[]},"
        + "\"VirtualHardDisks\":{\"__deferred\":{\"uri\":\"VirtualMachines(1)/VirtualHardDisks\"}},"
        + "\"VirtualDVDDrives@odata.navigationLinkUrl\":\"x\",\"Cloud@odata.bind\":\"Clouds(1)\"}");

    assertEquals("web-01", payload.value(vm.property("Name")));
    assertTrue(payload.isPresent(vm.navigation("Cloud")));
    assertTrue(payload.isPresent(vm.navigation("VirtualDiskDrives")));
    assertFalse(payload.isPresent(vm.navigation("VirtualSCSIAdapters")));
    assertEquals(List.of(), withEntities(payload));
  }

  @Test
  void navigationPropertiesHoldingEntitiesAreMarked() {
    EntityPayload payload = readVm("{\"Cloud\":{\"odata.type\":\"VMM.Cloud\",\"Name\":\"c\"},"
        + "\"VirtualDiskDrives\":[{\"Bus\":0},{}],\"VirtualHardDisks\":{\"results\":[{\"Name\":\"d\"}]},"
        + "\"VMCheckpoints\":[],\"Name\":\"after\"}");

    assertEquals(List.of("Cloud", "VirtualDiskDrives", "VirtualHardDisks"), withEntities(payload));
    assertEquals("after", payload.value(vm.property("Name")), "the reader goes on after the related content");
  }

  static Stream<Arguments> badNavigationValues() {
    return Stream.of(
        Arguments.of("{\"Cloud\":[]}", "MalformedPayload", "'Cloud'"),
        Arguments.of("{\"Cloud\":\"Clouds(1)\"}", "MalformedPayload", "VMM.Cloud"),
        Arguments.of("{\"VirtualDiskDrives\":[1]}", "MalformedPayload", "'VirtualDiskDrives'"),
        Arguments.of("{\"VirtualDiskDrives\":true}", "MalformedPayload", "array"),
        Arguments.of("{\"Cloud\":null,\"Cloud\":null}", "DuplicateProperty", "'Cloud'"));
  }

  @ParameterizedTest
  @MethodSource("badNavigationValues")
  void aNavigationValueOfTheWrongShapeIsA400(String body, String code, String messageFragment) {
    ServiceException e = assertThrows(ServiceException.class, () -> readVm(body));

    assertEquals(code, e.code());
    assertTrue(e.getMessage().contains(messageFragment), e.getMessage());
  }

  @Test
  void annotationsOfEveryKindAreSkipped() {
    EntityPayload payload = readVm("{\"odata.metadata\":null,\"odata.type\":null,\"odata.id\":\"x\","
        + "\"odata.editLink\":\"VirtualMachines(1)\",\"odata.etag\":\"W/1\",\"odata.readLink\":\"r\","
        + "\"@odata.context\":\"c\",\"CPUCount@odata.type\":\"Edm.String\",\"CPUCount\":\"2\","
        + "\"GrantedToList@odata.type\":\"Collection(VMM.UserAndRole)\",\"GrantedToList\":[],"
        + "\"Name@my.annotation\":{\"any\":[1]},\"Name\":\"web-01\",\"__metadata\":null}");

    assertEquals(2, payload.value(vm.property("CPUCount")));
    assertEquals(List.of(), payload.value(vm.property("GrantedToList")));
    assertEquals("web-01", payload.value(vm.property("Name")));
  }

  @Test
  void complexValuesIgnoreTheirOdataTypeWhateverItSaysAndKeepNullMembers() {
    // Electric Commander (CLIENTS.md D.4) puts the account's e-mail address in Owner's odata.type
    EntityPayload payload = readVm("{\"Owner\":{\"odata.type\":\"someone@contoso.com\"},"
        + "\"OperatingSystemInstance\":{\"odata.type\":\"VMM.OperatingSystem\",\"Name\":null,\"Description\":null,"
        + "\"Version\":\"10\",\"Architecture\":null,\"Edition\":null,\"OSType\":null,\"ProductType\":null},"
        + "\"NewVirtualNetworkAdapterInput@odata.type\":\"Collection(VMM.NewVMVirtualNetworkAdapterInput)\","
        + "\"NewVirtualNetworkAdapterInput\":[{\"odata.type\":\"VMM.NewVMVirtualNetworkAdapterInput\","
        + "\"VMNetworkName\":\"tenant\",\"VLanId\":\"12\",\"VLanEnabled\":null}]}");

    ComplexValue owner = (ComplexValue) payload.value(vm.property("Owner"));
    for (int i = 0; i < owner.type().properties().size(); i++) {
      assertNull(owner.value(i));
    }
    ComplexValue os = (ComplexValue) payload.value(vm.property("OperatingSystemInstance"));
    assertEquals("10", os.value(os.type().property("Version").index()));
    assertNull(os.value(os.type().property("Name").index()));
    ComplexValue adapter = (ComplexValue) ((List<?>) payload.value(vm.property("NewVirtualNetworkAdapterInput"))).get(0);
    assertEquals("tenant", adapter.value(adapter.type().property("VMNetworkName").index()));
    assertEquals(12, adapter.value(adapter.type().property("VLanId").index()));
  }

  @Test
  void readsAVerboseBody() {
    EntityPayload payload = read(fixture("verbose-request.json"));

    assertVerboseValues(payload);
  }

  @Test
  void readsAVerboseBodyWrappedInD() {
    EntityPayload payload = read("{\"d\":" + fixture("verbose-request.json") + "}");

    assertVerboseValues(payload);
  }

  private void assertVerboseValues(EntityPayload payload) {
    assertEquals(ZERO, value(payload, "ID"));
    assertEquals("Checkpoint 1", value(payload, "Name"));
    assertEquals(VM, value(payload, "VMId"));
    assertEquals(Instant.ofEpochMilli(1409260788883L).atOffset(ZoneOffset.UTC), value(payload, "AddedTime"));
    assertEquals(Boolean.TRUE, value(payload, "Enabled"));
    assertFalse(present(payload, "Description"));
  }

  @Test
  void emptyObjectHasNoProperties() {
    EntityPayload payload = read("{}");

    for (PropertyModel property : checkpoint.properties()) {
      assertFalse(payload.isPresent(property), property.name());
    }
  }

  static Stream<Arguments> badBodies() {
    return Stream.of(
        Arguments.of("{\"Name\":\"Checkpoint 1\"", "MalformedPayload", ""),
        Arguments.of("{\"Name\":", "MalformedPayload", ""),
        Arguments.of("", "MalformedPayload", ""),
        Arguments.of("[{\"Name\":\"x\"}]", "MalformedPayload", ""),
        Arguments.of("\"Name\"", "MalformedPayload", ""),
        Arguments.of("{\"Name\":\"x\"} garbage", "MalformedPayload", ""),
        Arguments.of("{\"Name\":\"x\"}{}", "MalformedPayload", ""),
        Arguments.of("{\"d\":{\"Name\":\"x\"},\"Description\":\"y\"}", "MalformedPayload", "\"d\""),
        Arguments.of("{\"odata.type\":42}", "MalformedPayload", "odata.type"),
        Arguments.of("{\"__metadata\":\"VMM.VMCheckPoint\"}", "MalformedPayload", "__metadata"),
        Arguments.of("{\"Foo\":1}", "UnknownProperty", "Foo"),
        Arguments.of("{\"Name\":\"a\",\"Name\":\"b\"}", "DuplicateProperty", "Name"),
        Arguments.of("{\"ID\":\"not-a-guid\"}", "InvalidPropertyValue", "Edm.Guid"),
        Arguments.of("{\"Enabled\":\"yes\"}", "InvalidPropertyValue", "Enabled"),
        Arguments.of("{\"Enabled@odata.type\":\"Edm.String\",\"Enabled\":\"maybe\"}", "InvalidPropertyValue", "Edm.Boolean"),
        Arguments.of("{\"Enabled\":1}", "InvalidPropertyValue", "Enabled"),
        Arguments.of("{\"Name\":42}", "InvalidPropertyValue", "Name"),
        Arguments.of("{\"odata.type\":\"VMM.Other\"}", "TypeMismatch", "VMM.Other"),
        Arguments.of("{\"__metadata\":{\"type\":\"VMM.Other\"}}", "TypeMismatch", "VMM.Other"));
  }

  @ParameterizedTest
  @MethodSource("badBodies")
  void rejectsBadBodiesWithA400(String body, String code, String messageFragment) {
    ServiceException e = assertThrows(ServiceException.class, () -> read(body));

    assertEquals(400, e.status());
    assertEquals(code, e.code());
    assertTrue(e.getMessage().contains(messageFragment), e.getMessage());
  }

  @Test
  void invalidGuidMessageNamesThePropertyAndType() {
    ServiceException e = assertThrows(ServiceException.class, () -> read("{\"ID\":\"not-a-guid\"}"));

    assertTrue(e.getMessage().contains("'ID'"), e.getMessage());
    assertTrue(e.getMessage().contains("Edm.Guid"), e.getMessage());
  }

  @Test
  void unknownPropertyMessageNamesIt() {
    ServiceException e = assertThrows(ServiceException.class, () -> read("{\"Foo\":null}"));

    assertEquals("UnknownProperty", e.code());
    assertTrue(e.getMessage().contains("'Foo'"), e.getMessage());
    assertTrue(e.getMessage().contains("VMM.VMCheckPoint"), e.getMessage());
  }
}
