package dev.spfemu.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spfemu.EmulatorOptions;
import dev.spfemu.SpfEmulator;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the HTTP tests: each test class owns an emulator on a free port, and each test uses a
 * fresh subscription so tests never see each other's entities.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EmulatorHttpTest {

  static final String SEED_SUBSCRIPTION = DemoWorld.SUBSCRIPTION;
  static final String STAMP = DemoWorld.STAMP;
  static final String VM = DemoWorld.VM;
  static final String JSON_LIGHT = RestRequests.JSON_LIGHT;
  static final String JSON_LIGHT_RESPONSE = "application/json; odata=minimalmetadata; streaming=true; charset=utf-8";
  static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  static final String SPF_DATE_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{7}[+-]\\d{2}:\\d{2}";

  static final ObjectMapper JSON = new ObjectMapper();

  SpfEmulator spf;

  @BeforeAll
  void startEmulator() {
    spf = SpfEmulator.create(options().dynamicPort().build()).start();
  }

  /** The options of this class's emulator; a test class overrides it to change them. */
  EmulatorOptions.Builder options() {
    return EmulatorOptions.builder();
  }

  @AfterAll
  void stopEmulator() {
    spf.close();
  }

  /** A request with no encoding of our own: the URL and body go out as written. */
  static RequestSpecification request() {
    return RestRequests.request();
  }

  /** A request with the seed's v3 JSON-light headers. */
  static RequestSpecification jsonLight() {
    return RestRequests.jsonLight();
  }

  /** A request with the .NET 4 WCF Data Services client's headers (Atom, v1/v2). */
  static RequestSpecification dotNet4() {
    return request()
        .header("User-Agent", "Microsoft ADO.NET Data Services")
        .header("DataServiceVersion", "1.0;NetFx")
        .header("MaxDataServiceVersion", "2.0;NetFx")
        .header("Accept", "application/atom+xml,application/xml")
        .header("Accept-Charset", "UTF-8");
  }

  static final String CLOUD = DemoWorld.CLOUD;

  /**
   * The service root of a new subscription holding one virtual machine, {@link #VM} on {@link #STAMP}
   * (checkpoints must name a VM of their subscription).
   */
  String newRoot() {
    String root = emptyRoot();
    addVm(root);
    return root;
  }

  /** The demo world's subscription, whose cloud {@link #CLOUD} and VM templates a create may name. */
  static final String DEMO_SUBSCRIPTION = DemoWorld.SUBSCRIPTION;

  /** The service root of the demo world's subscription (the tests' emulator starts with the demo world). */
  String demoRoot() {
    return spf.serviceRoot(DEMO_SUBSCRIPTION);
  }

  /** The service root of a new subscription with nothing in it. */
  String emptyRoot() {
    return spf.serviceRoot(UUID.randomUUID().toString());
  }

  /** Creates a VM network called {@code name} on {@link #STAMP}, which a VM create's adapter input may name. */
  static void addVmNetwork(String root, String name) {
    jsonLight().body("{\"StampId\":\"" + STAMP + "\",\"Name\":\"" + name + "\"}").post(root + "VMNetworks").then()
        .statusCode(201);
  }

  /** Creates the VM {@link #VM} on {@link #STAMP} in the subscription of {@code root}. */
  static void addVm(String root) {
    jsonLight().body("{\"ID\":\"" + VM + "\",\"StampId\":\"" + STAMP + "\",\"Name\":\"test-vm\",\"CloudId\":\""
        + CLOUD + "\"}").post(root + "VirtualMachines").then().statusCode(201);
  }

  static String fixture(String name) {
    return DemoWorld.fixture(name);
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** A minimal JSON-light create body for a checkpoint named {@code name}. */
  static String checkpointBody(String name) {
    return DemoWorld.checkpointBody(name);
  }

  /** Creates a checkpoint through JSON light; returns its Location. */
  static String createCheckpoint(String root, String name) {
    return jsonLight().body(checkpointBody(name)).post(root + "VMCheckPoints")
        .then().statusCode(201).extract().header("Location");
  }

  /** The number of checkpoints in a subscription, read as JSON light. */
  static int countCheckpoints(String root) {
    String body = jsonLight().get(root + "VMCheckPoints").then().statusCode(200).extract().asString();
    return json(body).get("value").size();
  }

  /** A VirtualMachine as an Atom entry, as the .NET client writes one; {@code properties} are its {@code d:} elements. */
  static String vmAtomEntry(String properties) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
        + "<entry xmlns:d=\"http://schemas.microsoft.com/ado/2007/08/dataservices\""
        + " xmlns:m=\"http://schemas.microsoft.com/ado/2007/08/dataservices/metadata\""
        + " xmlns=\"http://www.w3.org/2005/Atom\">"
        + "<category scheme=\"http://schemas.microsoft.com/ado/2007/08/dataservices/scheme\" term=\"VMM.VirtualMachine\" />"
        + "<title /><author><name /></author><updated>2026-11-28T07:14:21.621115Z</updated><id />"
        + "<content type=\"application/xml\"><m:properties>" + properties + "</m:properties></content></entry>";
  }
}
