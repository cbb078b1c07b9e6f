package dev.spfemu.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spfemu.EmulatorOptions;
import dev.spfemu.SettableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Atom documents element by element and attribute by attribute, in the shape WCF Data
 * Services writes and the .NET 4 client reads: the feed's title, self link and updated time, each
 * entry's edit link, empty title and author, the content type, and which properties carry
 * {@code m:type}. The clock is fixed, so {@code <updated>} is known.
 */
class AtomShapeTest extends EmulatorHttpTest {

  private static final Instant NOW = Instant.parse("2026-11-28T07:14:21.7064060Z");
  /** {@code <updated>}: the clock, to the second. */
  private static final String UPDATED = "2026-11-28T07:14:21Z";
  private static final String ROLE = "7f7d2a1e-9c3b-4d1a-8e2f-1a2b3c4d5e6f";

  private String root;
  private String checkpoint;
  private String vm;
  private String role;

  @Override
  EmulatorOptions.Builder options() {
    return EmulatorOptions.builder().clock(SettableClock.fixedAt(NOW));
  }

  @BeforeAll
  void createEntities() {
    root = newRoot();
    checkpoint = createCheckpoint(root, "shaped");
    vm = jsonLight().body("{\"Name\":\"typed\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\"" + CLOUD + "\","
        + "\"Memory\":4096,\"TotalSize\":\"10737418240\",\"CPUCount\":2,"
        + "\"Owner\":{\"UserName\":\"tenant@fabrikam.com\",\"RoleName\":\"Tenant\",\"RoleID\":\"" + ROLE + "\"},"
        + "\"GrantedToList\":[{\"UserName\":\"a@fabrikam.com\",\"RoleName\":\"A\",\"RoleID\":null}]}")
        .post(root + "VirtualMachines").then().statusCode(201).extract().header("Location");
    role = jsonLight().body("{\"Name\":\"Operators\",\"Members\":[\"alice\",\"bob\"]}").post(root + "UserRoles")
        .then().statusCode(201).extract().header("Location");
  }

  private static Xml atom(String url) {
    return Xml.parse(dotNet4().get(url).then().statusCode(200).extract().asString());
  }

  @Test
  void aFeedHasItsIdTitleUpdatedTimeAndSelfLink() {
    Xml feed = atom(root + "VMCheckPoints");
    assertEquals(List.of("id", "title", "updated", "link", "entry"), childNames(feed, "/a:feed"));
    assertEquals(root, feed.string("/a:feed/@xml:base"));
    assertEquals(root + "VMCheckPoints", feed.string("/a:feed/a:id"));
    assertEquals("VMCheckPoints", feed.string("/a:feed/a:title"));
    assertEquals("text", feed.string("/a:feed/a:title/@type"));
    assertEquals(UPDATED, feed.string("/a:feed/a:updated"));
    assertEquals(1, feed.count("/a:feed/a:link"));
    assertEquals("self", feed.string("/a:feed/a:link/@rel"));
    assertEquals("VMCheckPoints", feed.string("/a:feed/a:link/@title"));
    assertEquals("VMCheckPoints", feed.string("/a:feed/a:link/@href"));
    assertEquals(0, feed.count("/a:feed/m:count"), "no $inlinecount, no count");
    assertEquals(UPDATED, feed.string("/a:feed/a:entry/a:updated"), "its entries were updated as the feed was");
  }

  @Test
  void aFeedWithInlineCountCarriesItInTheMetadataNamespace() {
    Xml feed = atom(root + "VMCheckPoints?$inlinecount=allpages");
    assertEquals(List.of("id", "title", "updated", "link", "count", "entry"), childNames(feed, "/a:feed"));
    assertEquals("1", feed.string("/a:feed/m:count"));
  }

  @Test
  void anEntryHasItsIdCategoryEditLinkEmptyTitleUpdatedTimeAuthorAndXmlContent() {
    Xml entry = atom(checkpoint);
    assertEquals(List.of("id", "category", "link", "title", "updated", "author", "content"),
        childNames(entry, "/a:entry"));
    assertEquals(root, entry.string("/a:entry/@xml:base"));
    assertEquals(checkpoint, entry.string("/a:entry/a:id"));
    assertEquals("VMM.VMCheckPoint", entry.string("/a:entry/a:category/@term"));
    assertEquals("http://schemas.microsoft.com/ado/2007/08/dataservices/scheme",
        entry.string("/a:entry/a:category/@scheme"));
    assertEquals(1, entry.count("/a:entry/a:link"));
    assertEquals("edit", entry.string("/a:entry/a:link/@rel"));
    assertEquals("VMCheckPoint", entry.string("/a:entry/a:link/@title"), "the type's name, unqualified");
    assertEquals(checkpoint.substring(root.length()), entry.string("/a:entry/a:link/@href"));
    assertEquals(0, entry.count("/a:entry/a:title/node()"), "an empty title");
    assertEquals(0, entry.count("/a:entry/a:title/@*"));
    assertEquals(UPDATED, entry.string("/a:entry/a:updated"));
    assertEquals(List.of("name"), childNames(entry, "/a:entry/a:author"));
    assertEquals(0, entry.count("/a:entry/a:author/a:name/node()"), "an empty author name");
    assertEquals("application/xml", entry.string("/a:entry/a:content/@type"));
    assertEquals(1, entry.count("/a:entry/a:content/m:properties"));
  }

  @Test
  void stringsCarryNoTypeAndEveryOtherPrimitiveDoes() {
    Xml entry = atom(checkpoint);
    String properties = "/a:entry/a:content/m:properties/";
    assertEquals("shaped", entry.string(properties + "d:Name"));
    assertEquals(0, entry.count(properties + "d:Name/@m:type"));
    assertEquals(0, entry.count(properties + "d:Description/@m:type"), "an empty string");
    assertEquals("true", entry.string(properties + "d:VMCheckPointAction/@m:null"));
    assertEquals(0, entry.count(properties + "d:VMCheckPointAction/@m:type"), "a null string");
    assertEquals("Edm.Boolean", entry.string(properties + "d:Enabled/@m:type"));
    assertEquals("true", entry.string(properties + "d:Enabled"));
    assertEquals("Edm.Guid", entry.string(properties + "d:ID/@m:type"));
    assertEquals("Edm.DateTime", entry.string(properties + "d:AddedTime/@m:type"));
    assertEquals("2026-11-28T07:14:21.7064060+00:00", entry.string(properties + "d:AddedTime"));
    assertEquals("Edm.Guid", entry.string(properties + "d:ParentCheckpointID/@m:type"), "a null GUID keeps its type");
    assertEquals("true", entry.string(properties + "d:ParentCheckpointID/@m:null"));
    assertEquals(List.of("Accessibility", "Description", "Name", "VMCheckPointAction"),
        localNames(entry, properties + "*[not(@m:type)]"), "the VMCheckPoint's strings, and only they, have no m:type");
    assertEquals(14, entry.count(properties + "*"));

    Xml machine = atom(vm);
    String vmProperties = "/a:entry/a:content/m:properties/";
    assertEquals("Edm.Int32", machine.string(vmProperties + "d:Memory/@m:type"), "Atom types Int32 too");
    assertEquals("4096", machine.string(vmProperties + "d:Memory"));
    assertEquals("Edm.Int64", machine.string(vmProperties + "d:TotalSize/@m:type"));
    assertEquals("10737418240", machine.string(vmProperties + "d:TotalSize"));
    assertEquals("Edm.Byte", machine.string(vmProperties + "d:CPUCount/@m:type"));
  }

  @Test
  void complexValuesAndCollectionsCarryTheirTypeAndTheirMembersTheirs() {
    Xml entry = atom(vm);
    String owner = "/a:entry/a:content/m:properties/d:Owner";
    assertEquals("VMM.UserAndRole", entry.string(owner + "/@m:type"));
    assertEquals(List.of("UserName", "RoleName", "RoleID"), childNames(entry, owner));
    assertEquals("tenant@fabrikam.com", entry.string(owner + "/d:UserName"));
    assertEquals(0, entry.count(owner + "/d:UserName/@m:type"));
    assertEquals("Edm.Guid", entry.string(owner + "/d:RoleID/@m:type"));
    assertEquals(ROLE, entry.string(owner + "/d:RoleID"));

    String granted = "/a:entry/a:content/m:properties/d:GrantedToList";
    assertEquals("Collection(VMM.UserAndRole)", entry.string(granted + "/@m:type"));
    assertEquals(List.of("element"), childNames(entry, granted));
    assertEquals("VMM.UserAndRole", entry.string(granted + "/d:element/@m:type"));
    assertEquals("a@fabrikam.com", entry.string(granted + "/d:element/d:UserName"));
    assertEquals("true", entry.string(granted + "/d:element/d:RoleID/@m:null"));
    assertEquals("Edm.Guid", entry.string(granted + "/d:element/d:RoleID/@m:type"));
  }

  @Test
  void aCollectionOfStringsIsTypedButItsElementsAreNot() {
    Xml entry = atom(role);
    String members = "/a:entry/a:content/m:properties/d:Members";
    assertEquals("Collection(Edm.String)", entry.string(members + "/@m:type"));
    assertEquals(List.of("alice", "bob"), entry.strings(members + "/d:element"));
    assertEquals(0, entry.count(members + "/d:element/@m:type"));
    String permission = "/a:entry/a:content/m:properties/d:Permission";
    assertEquals(1, entry.count(permission), "an empty collection is written");
    assertEquals(0, entry.count(permission + "/*"));
    assertEquals(0, entry.count(permission + "/@m:null"));
  }

  @Test
  void aPropertyAloneIsItsElementDeclaringTheNamespaces() {
    String name = request().header("Accept", "application/xml").get(checkpoint + "/Name").then().statusCode(200)
        .extract().asString();
    Xml property = Xml.parse(name);
    assertEquals("shaped", property.string("/d:Name"));
    assertEquals(0, property.count("/d:Name/@m:type"));
    Xml added = Xml.parse(request().header("Accept", "application/xml").get(checkpoint + "/AddedTime").then()
        .statusCode(200).extract().asString());
    assertEquals("Edm.DateTime", added.string("/d:AddedTime/@m:type"));
    assertEquals("2026-11-28T07:14:21.7064060+00:00", added.string("/d:AddedTime"));
    Xml parent = Xml.parse(request().header("Accept", "application/xml").get(checkpoint + "/ParentCheckpointID")
        .then().statusCode(200).extract().asString());
    assertEquals("true", parent.string("/d:ParentCheckpointID/@m:null"));
    assertEquals("Edm.Guid", parent.string("/d:ParentCheckpointID/@m:type"));
  }

  /** The local names of the child elements of the element {@code path} selects, in order. */
  private static List<String> childNames(Xml xml, String path) {
    return localNames(xml, path + "/*");
  }

  /** The local names of the elements {@code expression} selects, in document order. */
  private static List<String> localNames(Xml xml, String expression) {
    int count = xml.count(expression);
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      names.add(xml.string("local-name((" + expression + ")[" + i + "])"));
    }
    return names;
  }
}
