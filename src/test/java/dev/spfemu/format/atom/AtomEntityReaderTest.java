package dev.spfemu.format.atom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.error.ServiceException;
import dev.spfemu.model.EntityPayload;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.ModelLoader;
import dev.spfemu.model.NavigationModel;
import dev.spfemu.model.PropertyModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AtomEntityReaderTest {

  private static final String ENTRY = fixture("atom-create-entry.xml");
  private static final String ATOM_NS = "http://www.w3.org/2005/Atom";

  private final EntityTypeModel checkpoint = ModelLoader.loadDefault().byEntitySet("VMCheckPoints");
  private final AtomEntityReader reader = new AtomEntityReader(AtomEntityReader.secureFactory());

  private static String fixture(String name) {
    try (InputStream in = AtomEntityReaderTest.class.getResourceAsStream("/fixtures/" + name)) {
      assertNotNull(in, name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private EntityPayload read(String body) {
    return reader.read(body.getBytes(StandardCharsets.UTF_8), checkpoint);
  }

  private static String replaceOnce(String text, String target, String replacement) {
    assertTrue(text.contains(target), target);
    return text.replace(target, replacement);
  }

  @Test
  void readsTheDotNetClientsEntry() {
    EntityPayload payload = read(ENTRY);

    for (PropertyModel property : checkpoint.properties()) {
      assertTrue(payload.isPresent(property), property.name());
    }
    assertEquals(new UUID(0, 0), payload.value(checkpoint.property("ID")));
    assertEquals("Checkpoint 1", payload.value(checkpoint.property("Name")));
    assertEquals(UUID.fromString("d70c1a9b-c241-48f5-880a-b6c36071e653"), payload.value(checkpoint.property("StampId")));
    assertEquals(UUID.fromString("f11b61fa-b5c7-4807-93b4-f9b371896c6f"), payload.value(checkpoint.property("VMId")));
    Set<String> nonNull = Set.of("ID", "Name", "StampId", "VMId");
    for (PropertyModel property : checkpoint.properties()) {
      if (!nonNull.contains(property.name())) {
        assertNull(payload.value(property), property.name());
      }
    }
  }

  @Test
  void readsPropertiesOutsideContentAndTypedValues() {
    EntityPayload payload = read("<entry xmlns='" + ATOM_NS + "'"
        + " xmlns:d='http://schemas.microsoft.com/ado/2007/08/dataservices'"
        + " xmlns:m='http://schemas.microsoft.com/ado/2007/08/dataservices/metadata'>"
        + "<m:properties><d:Enabled m:type='Edm.Boolean'>1</d:Enabled>"
        + "<d:AddedTime m:type='Edm.DateTime'>2014-08-28T14:19:48.8838623-07:00</d:AddedTime>"
        + "</m:properties></entry>");

    assertEquals(Boolean.TRUE, payload.value(checkpoint.property("Enabled")));
    assertEquals(OffsetDateTime.of(2014, 8, 28, 14, 19, 48, 883_862_300, ZoneOffset.ofHours(-7)),
        payload.value(checkpoint.property("AddedTime")));
    assertFalse(payload.isPresent(checkpoint.property("Name")));
  }

  private static final String RELATED = "http://schemas.microsoft.com/ado/2007/08/dataservices/related/";

  private final EntityTypeModel vm = ModelLoader.loadDefault().byEntitySet("VirtualMachines");

  private EntityPayload readVmWithLinks(String links) {
    String body = "<entry xmlns='" + ATOM_NS + "'"
        + " xmlns:d='http://schemas.microsoft.com/ado/2007/08/dataservices'"
        + " xmlns:m='http://schemas.microsoft.com/ado/2007/08/dataservices/metadata'>"
        + "<category scheme='http://schemas.microsoft.com/ado/2007/08/dataservices/scheme' term='VMM.VirtualMachine'/>"
        + "<link rel='edit' href='VirtualMachines(1)'/>" + links
        + "<content type='application/xml'><m:properties><d:Name>web-01</d:Name></m:properties></content></entry>";
    return reader.read(body.getBytes(StandardCharsets.UTF_8), vm);
  }

  @Test
  void relatedLinksWithoutEntitiesCarryNothing() {
    EntityPayload payload = readVmWithLinks(
        "<link rel='" + RELATED + "Cloud' type='application/atom+xml;type=entry' href='Clouds(1)'/>"
        + "<link rel='" + RELATED + "MostRecentTask' type='application/atom+xml;type=entry'><m:inline/></link>"
        + "<link rel='" + RELATED + "VirtualDiskDrives' type='application/atom+xml;type=feed'>"
        + "<m:inline><feed><title/><id>x</id></feed></m:inline></link>"
        + "<link rel='http://schemas.microsoft.com/ado/2007/08/dataservices/relatedlinks/VMCheckpoints' href='x'/>");

    assertEquals("web-01", payload.value(vm.property("Name")));
    assertTrue(payload.isPresent(vm.navigation("Cloud")));
    assertTrue(payload.isPresent(vm.navigation("MostRecentTask")));
    assertTrue(payload.isPresent(vm.navigation("VirtualDiskDrives")));
    assertFalse(payload.isPresent(vm.navigation("VMCheckpoints")), "an association link is no navigation value");
    assertEquals(List.of(), payload.navigationWithEntities());
  }

  @Test
  void inlineEntriesAreRelatedEntities() {
    EntityPayload payload = readVmWithLinks(
        "<link rel='" + RELATED + "Cloud'><m:inline><entry><content type='application/xml'><m:properties>"
        + "<d:Name>c</d:Name></m:properties></content></entry></m:inline></link>"
        + "<link rel='" + RELATED + "VirtualDiskDrives'><m:inline><feed><entry/></feed></m:inline></link>");

    assertEquals(List.of("Cloud", "VirtualDiskDrives"),
        payload.navigationWithEntities().stream().map(NavigationModel::name).toList());
    assertEquals("web-01", payload.value(vm.property("Name")));
  }

  @Test
  void aLinkToAnUndeclaredNavigationPropertyOrTwiceTheSameIsA400() {
    ServiceException unknown = assertThrows(ServiceException.class,
        () -> readVmWithLinks("<link rel='" + RELATED + "Disks' href='x'/>"));
    ServiceException twice = assertThrows(ServiceException.class,
        () -> readVmWithLinks("<link rel='" + RELATED + "Cloud' href='x'/><link rel='" + RELATED + "Cloud' href='y'/>"));

    assertEquals("UnknownProperty", unknown.code());
    assertTrue(unknown.getMessage().contains("'Disks'"), unknown.getMessage());
    assertEquals("DuplicateProperty", twice.code());
  }

  static Stream<Arguments> badEntries() {
    return Stream.of(
        Arguments.of(ENTRY.substring(0, ENTRY.indexOf("<d:Name>")), "MalformedPayload", ""),
        Arguments.of("", "MalformedPayload", ""),
        Arguments.of("not xml", "MalformedPayload", ""),
        Arguments.of("<feed xmlns='" + ATOM_NS + "'/>", "MalformedPayload", "<feed>"),
        Arguments.of("<entry/>", "MalformedPayload", "the body must be an Atom <entry> element in the namespace "
            + ATOM_NS + ", not <entry>"),
        Arguments.of("<entry xmlns='http://www.w3.org/2005/Atom/'/>", "MalformedPayload", "in the namespace " + ATOM_NS),
        Arguments.of(ENTRY.replace("xmlns=\"" + ATOM_NS + "\"", "xmlns=\"http://example.com/not-atom\""),
            "MalformedPayload", "in the namespace " + ATOM_NS + ", not <entry>"),
        Arguments.of(replaceOnce(ENTRY, "term=\"VMM.VMCheckPoint\"", "term=\"VMM.Other\""), "TypeMismatch", "VMM.Other"),
        Arguments.of(replaceOnce(ENTRY, "<d:Name>Checkpoint 1</d:Name>", "<d:Foo>x</d:Foo>"), "UnknownProperty", "'Foo'"),
        Arguments.of(replaceOnce(ENTRY, "<d:Name>Checkpoint 1</d:Name>", "<d:Name>a</d:Name><d:Name>b</d:Name>"),
            "DuplicateProperty", "'Name'"),
        Arguments.of(replaceOnce(ENTRY, ">00000000-0000-0000-0000-000000000000<", ">not-a-guid<"),
            "InvalidPropertyValue", "Edm.Guid"),
        Arguments.of(replaceOnce(ENTRY, "<d:Name>Checkpoint 1</d:Name>", "<d:Name><d:Inner/></d:Name>"),
            "MalformedPayload", "<d:Name>"),
        Arguments.of(replaceOnce(ENTRY, "<d:Name>Checkpoint 1</d:Name>", "<m:Name>Checkpoint 1</m:Name>"),
            "MalformedPayload", "m:Name"));
  }

  @ParameterizedTest
  @MethodSource("badEntries")
  void rejectsBadEntriesWithA400(String body, String code, String messageFragment) {
    ServiceException e = assertThrows(ServiceException.class, () -> read(body));

    assertEquals(400, e.status());
    assertEquals(code, e.code());
    assertTrue(e.getMessage().contains(messageFragment), e.getMessage());
  }

  @Test
  void refusesAnInternalEntityRatherThanExpandingIt() {
    String body = ENTRY.replace("<entry ", "<!DOCTYPE entry [<!ENTITY name \"expanded\">]>\n<entry ")
        .replace("<d:Name>Checkpoint 1</d:Name>", "<d:Name>&name;</d:Name>");
    assertTrue(body.contains("<!ENTITY") && body.contains("&name;"), body);

    ServiceException e = assertThrows(ServiceException.class, () -> read(body));

    assertEquals(400, e.status());
    assertEquals("MalformedPayload", e.code());
    assertTrue(e.getMessage().startsWith("The request body is not a valid Atom XML payload: "), e.getMessage());
    assertFalse(e.getMessage().contains("expanded"), e.getMessage());
  }

  @Test
  void externalEntitiesStayUnresolvedEvenIfDtdsWereAllowed() {
    URL target = AtomEntityReaderTest.class.getResource("/fixtures/xxe-target.txt");
    assertNotNull(target);
    String secret = fixture("xxe-target.txt").trim();
    String body = fixture("atom-xxe-entry.xml").replace("TARGET_URL", target.toString());
    XMLInputFactory lenient = AtomEntityReader.secureFactory();
    lenient.setProperty(XMLInputFactory.SUPPORT_DTD, true); // the other guard alone must still hold

    EntityPayload payload = new AtomEntityReader(lenient).read(body.getBytes(StandardCharsets.UTF_8), checkpoint);

    assertEquals("", payload.value(checkpoint.property("Name")), "the external entity is dropped, not read");
  }

  @Test
  void theSecureFactoryRefusesDtdsAndExternalEntities() {
    XMLInputFactory factory = AtomEntityReader.secureFactory();
    assertEquals(Boolean.FALSE, factory.getProperty(XMLInputFactory.SUPPORT_DTD));
    assertEquals(Boolean.FALSE, factory.getProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES));
  }

  @Test
  void doesNotResolveExternalEntities() {
    URL target = AtomEntityReaderTest.class.getResource("/fixtures/xxe-target.txt");
    assertNotNull(target);
    String secret = fixture("xxe-target.txt").trim();
    String body = fixture("atom-xxe-entry.xml").replace("TARGET_URL", target.toString());

    ServiceException e = assertThrows(ServiceException.class, () -> read(body));

    assertEquals(400, e.status());
    assertFalse(e.getMessage().contains(secret), e.getMessage());
  }
}
