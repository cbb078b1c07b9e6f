package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code $metadata} declares navigation properties as WCF Data Services does: a
 * {@code NavigationProperty} on the entity type whose {@code Relationship} names an
 * {@code Association} with two ends, one of them the property's {@code FromRole} on the declaring
 * type and the other its {@code ToRole} on the target type, and an {@code AssociationSet} of the
 * association in the container whose ends name the two entity sets. The document is parsed and
 * checked as a whole, so a navigation property added to the model cannot break it unnoticed.
 */
class MetadataNavigationTest extends EmulatorHttpTest {

  private static final String CSDL = "http://schemas.microsoft.com/ado/2009/11/edm";

  private Element schema;
  private final Map<String, Element> associations = new HashMap<>();
  private final Map<String, Element> associationSets = new HashMap<>();
  private final Map<String, String> entitySetTypes = new HashMap<>();

  @BeforeAll
  void readMetadata() throws Exception {
    String body = request().get(emptyRoot() + "$metadata").then().statusCode(200).extract().asString();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document document = factory.newDocumentBuilder()
        .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    schema = (Element) document.getElementsByTagNameNS(CSDL, "Schema").item(0);
    for (Element association : children(schema, "Association")) {
      associations.put("VMM." + association.getAttribute("Name"), association);
    }
    Element container = children(schema, "EntityContainer").get(0);
    for (Element set : children(container, "AssociationSet")) {
      associationSets.put(set.getAttribute("Association"), set);
    }
    for (Element set : children(container, "EntitySet")) {
      entitySetTypes.put(set.getAttribute("Name"), set.getAttribute("EntityType"));
    }
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e && CSDL.equals(e.getNamespaceURI()) && e.getLocalName().equals(name)) {
        found.add(e);
      }
    }
    return found;
  }

  private Element type(String name) {
    return children(schema, "EntityType").stream().filter(t -> t.getAttribute("Name").equals(name)).findFirst()
        .orElseThrow();
  }

  private static Element end(Element parent, String role) {
    return children(parent, "End").stream().filter(e -> e.getAttribute("Role").equals(role)).findFirst()
        .orElse(null);
  }

  @Test
  void everyNavigationPropertyHasItsAssociationAndAssociationSet() {
    int navigationProperties = 0;
    for (Element type : children(schema, "EntityType")) {
      String typeName = "VMM." + type.getAttribute("Name");
      for (Element navigation : children(type, "NavigationProperty")) {
        navigationProperties++;
        String where = typeName + "." + navigation.getAttribute("Name");
        Element association = associations.get(navigation.getAttribute("Relationship"));
        assertNotNull(association, where + ": no Association " + navigation.getAttribute("Relationship"));
        assertEquals(2, children(association, "End").size(), where);
        Element from = end(association, navigation.getAttribute("FromRole"));
        Element to = end(association, navigation.getAttribute("ToRole"));
        assertNotNull(from, where + ": FromRole");
        assertNotNull(to, where + ": ToRole");
        assertFalse(from == to, where + ": two roles");
        assertEquals(typeName, from.getAttribute("Type"), where);
        assertTrue(List.of("*", "0..1").contains(to.getAttribute("Multiplicity")), where);

        Element set = associationSets.get(navigation.getAttribute("Relationship"));
        assertNotNull(set, where + ": no AssociationSet");
        Element fromSet = end(set, from.getAttribute("Role"));
        Element toSet = end(set, to.getAttribute("Role"));
        assertEquals(typeName, entitySetTypes.get(fromSet.getAttribute("EntitySet")), where);
        assertEquals(to.getAttribute("Type"), entitySetTypes.get(toSet.getAttribute("EntitySet")), where);
      }
    }
    assertEquals(12, navigationProperties);
    assertEquals(12, associations.size(), "one association per navigation property, none unused");
    assertEquals(12, associationSets.size());
  }

  @Test
  void aVmsNavigationPropertiesAreNamedAsWcfDataServicesNamesThem() {
    Element vm = type("VirtualMachine");
    List<String> names = children(vm, "NavigationProperty").stream().map(n -> n.getAttribute("Name")).toList();
    assertEquals(List.of("VirtualNetworkAdapters", "VMCheckpoints", "VirtualSCSIAdapters", "VirtualHardDisks",
        "VirtualDVDDrives", "VirtualDiskDrives", "Cloud", "MostRecentTask", "FailedJob"), names);
    Element adapters = children(vm, "NavigationProperty").get(0);
    assertEquals("VMM.VirtualMachine_VirtualNetworkAdapters", adapters.getAttribute("Relationship"));
    assertEquals("VirtualMachine", adapters.getAttribute("FromRole"));
    assertEquals("VirtualNetworkAdapters", adapters.getAttribute("ToRole"));
    Element association = associations.get("VMM.VirtualMachine_VirtualNetworkAdapters");
    assertEquals("*", end(association, "VirtualMachine").getAttribute("Multiplicity"));
    assertEquals("*", end(association, "VirtualNetworkAdapters").getAttribute("Multiplicity"));
    assertEquals("VMM.VirtualNetworkAdapter", end(association, "VirtualNetworkAdapters").getAttribute("Type"));
    assertEquals("0..1", end(associations.get("VMM.VirtualMachine_Cloud"), "Cloud").getAttribute("Multiplicity"));
    assertEquals("VirtualMachines_VirtualNetworkAdapters",
        associationSets.get("VMM.VirtualMachine_VirtualNetworkAdapters").getAttribute("Name"));
    assertEquals("VMCheckPoints", end(associationSets.get("VMM.VirtualMachine_VMCheckpoints"), "VMCheckpoints")
        .getAttribute("EntitySet"));
    assertEquals("Property", firstElementAfterKey(vm), "properties come before navigation properties");
  }

  private static String firstElementAfterKey(Element type) {
    NodeList nodes = type.getChildNodes();
    boolean afterKey = false;
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e) {
        if (afterKey) {
          return e.getLocalName();
        }
        afterKey = e.getLocalName().equals("Key");
      }
    }
    return null;
  }
}
