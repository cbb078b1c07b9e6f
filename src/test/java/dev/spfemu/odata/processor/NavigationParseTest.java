package dev.spfemu.odata.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.error.ServiceException;
import dev.spfemu.format.Projection;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.ServiceModel;
import dev.spfemu.odata.edm.VmmEdm;
import dev.spfemu.store.EntityKey;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Navigation segments, {@code $links}, {@code $expand} and {@code $select} of navigation properties
 * parsed by Olingo into the emulator's own {@link ResourceTarget}, {@link NavigationPath} and
 * {@link Projection}.
 */
class NavigationParseTest {

  private static final String ID = "f0000000-0000-4000-8000-000000000001";
  private static final String NIC = "aaaaaaaa-0000-4000-8000-000000000001";
  private static final String STAMP = "d70c1a9b-c241-48f5-880a-b6c36071e653";
  private static final String VM = "VirtualMachines(ID=guid'" + ID + "',StampId=guid'" + STAMP + "')";

  private final VmmEdm edm = VmmEdm.loadDefault();
  private final ServiceModel model = edm.model();
  private final ODataUriParser parser = new ODataUriParser(edm.edm(), model, RequestLimits.DEFAULTS);
  private final EntityTypeModel vm = model.byEntitySet("VirtualMachines");

  private ResourceTarget parse(String path, String query) {
    return parser.parse(path, QueryOptions.parse(query));
  }

  @Test
  void aToManySegmentIsACollectionOfTheTargetType() {
    ResourceTarget target = parse(VM + "/VirtualNetworkAdapters", "$filter=Name%20eq%20'a'");
    assertEquals(ResourceTarget.Kind.ENTITY_SET, target.kind());
    assertSame(model.byEntitySet("VirtualNetworkAdapters"), target.type());
    assertNull(target.key());
    assertSame(vm, target.origin());
    assertEquals(EntityKey.of(UUID.fromString(ID), UUID.fromString(STAMP)), target.originKey());
    assertEquals(List.of(new NavigationPath.Step(vm.navigation("VirtualNetworkAdapters"), null)),
        target.navigation().steps());
    assertTrue(target.query().expressions().hasFilter(), "the filter is compiled for the adapters");
  }

  @Test
  void aKeyAfterAToManySegmentOrAToOneSegmentIsAnEntity() {
    ResourceTarget adapter = parse(VM + "/VirtualNetworkAdapters(ID=guid'" + NIC + "',StampId=guid'" + STAMP + "')",
        null);
    assertEquals(ResourceTarget.Kind.ENTITY, adapter.kind());
    assertEquals(EntityKey.of(UUID.fromString(NIC), UUID.fromString(STAMP)), adapter.navigation().steps().get(0).key());
    ResourceTarget cloud = parse(VM + "/Cloud", "$select=Name");
    assertEquals(ResourceTarget.Kind.ENTITY, cloud.kind());
    assertSame(model.byEntitySet("Clouds"), cloud.type());
    assertTrue(cloud.query().select().projection().isPartial());
  }

  @Test
  void propertiesCountsAndNestedSegments() {
    ResourceTarget name = parse(VM + "/Cloud/Name", null);
    assertEquals(ResourceTarget.Kind.PROPERTY, name.kind());
    assertEquals("Name", name.property().name());
    assertSame(model.byEntitySet("Clouds"), name.type());
    assertEquals(ResourceTarget.Kind.PROPERTY_VALUE, parse(VM + "/Cloud/Name/$value", null).kind());
    assertEquals(ResourceTarget.Kind.COUNT, parse(VM + "/VirtualNetworkAdapters/$count", null).kind());
    ResourceTarget networks = parse(VM + "/Cloud/LogicalNetworks", null);
    assertEquals(2, networks.navigation().steps().size());
    assertSame(model.byEntitySet("LogicalNetworks"), networks.type());
  }

  @Test
  void linksAreTheirOwnKind() {
    ResourceTarget links = parse(VM + "/$links/VirtualNetworkAdapters", "$top=1");
    assertEquals(ResourceTarget.Kind.LINKS, links.kind());
    assertEquals("VirtualNetworkAdapters", links.navigation().last().name());
    assertEquals(ResourceTarget.Kind.LINKS, parse(VM + "/$links/Cloud", null).kind());
    assertEquals(ResourceTarget.Kind.COUNT, parse(VM + "/$links/VirtualNetworkAdapters/$count", null).kind());
  }

  @Test
  void expandAndSelectBecomeOneProjectionTree() {
    Projection projection = parse("VirtualMachines", "$expand=VirtualNetworkAdapters,Cloud/LogicalNetworks"
        + "&$select=Name,VirtualNetworkAdapters/MACAddress,Cloud").query().select().projection();
    assertTrue(projection.isPartial());
    assertEquals("Name,VirtualNetworkAdapters/MACAddress,Cloud", projection.clause());
    Projection adapters = projection.expansion(vm.navigation("VirtualNetworkAdapters"));
    EntityTypeModel adapter = model.byEntitySet("VirtualNetworkAdapters");
    assertTrue(adapters.includes(adapter.property("MACAddress")));
    assertFalse(adapters.includes(adapter.property("Name")));
    Projection cloud = projection.expansion(vm.navigation("Cloud"));
    assertFalse(cloud.isPartial(), "Cloud selected whole");
    assertTrue(cloud.expansion(model.byEntitySet("Clouds").navigation("LogicalNetworks")) != null);
    assertFalse(projection.includesLink(vm.navigation("VMCheckpoints")));
  }

  @Test
  void expandAloneKeepsEveryPropertyAndLink() {
    Projection projection = parse(VM, "$expand=VirtualDiskDrives").query().select().projection();
    assertFalse(projection.isPartial());
    assertTrue(projection.includesLink(vm.navigation("Cloud")));
    assertNull(projection.expansion(vm.navigation("Cloud")));
    assertSame(Projection.ALL, projection.expansion(vm.navigation("VirtualDiskDrives")));
  }

  @Test
  void starSelectsEveryPropertyAndLinkAndNavStarEveryPropertyOfTheExpandedEntities() {
    Projection star = parse("VirtualMachines", "$expand=VirtualNetworkAdapters&$select=*").query().select()
        .projection();
    assertFalse(star.isPartial());
    assertTrue(star.includesLink(vm.navigation("Cloud")));
    assertSame(Projection.ALL, star.expansion(vm.navigation("VirtualNetworkAdapters")));
    Projection within = parse("VirtualMachines", "$expand=VirtualNetworkAdapters&$select=Name,VirtualNetworkAdapters/*")
        .query().select().projection();
    assertTrue(within.isPartial());
    assertSame(Projection.ALL, within.expansion(vm.navigation("VirtualNetworkAdapters")));
    assertFalse(within.includes(vm.property("CloudId")));
  }

  @Test
  void selectingWithinANavigationPropertyThatIsNotExpandedIsRefused() {
    ServiceException e = assertThrows(ServiceException.class,
        () -> parse("VirtualMachines", "$select=VirtualNetworkAdapters/Name").query().select().projection());
    assertEquals(400, e.status());
    assertEquals("Only properties specified in $expand can be traversed in $select query options. Selected item:"
        + " 'VirtualNetworkAdapters/Name'.", e.getMessage());
  }

  @Test
  void whatIsNotANavigationPropertyCannotBeFollowedOrExpanded() {
    assertEquals(400, assertThrows(ServiceException.class, () -> parse("VirtualMachines", "$expand=Name")).status());
    assertEquals(400, assertThrows(ServiceException.class, () -> parse("VirtualMachines", "$expand=Nope")).status());
    assertEquals(404, assertThrows(ServiceException.class, () -> parse(VM + "/Nope", null)).status());
    assertEquals(400, assertThrows(ServiceException.class, () -> parse(VM + "/Cloud(ID=guid'" + ID + "')", null))
        .status(), "no key after a to-one navigation");
  }
}
