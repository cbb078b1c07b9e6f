package dev.spfemu.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spfemu.EmulatorOptions;
import java.nio.file.Path;

/**
 * Base of the navigation tests: an emulator started with {@code fixtures/navigation-world.json}, two
 * subscriptions whose VMs have network adapters, drives, disks, SCSI adapters and checkpoints, and
 * whose clouds have logical networks, all with fixed IDs so that answers compare whole. The tests
 * only read, so they share the world.
 */
abstract class NavigationWorldTest extends EmulatorHttpTest {

  static final String TENANT = "a1a1a1a1-0000-4000-8000-000000000001";
  static final String OTHER_TENANT = "b2b2b2b2-0000-4000-8000-000000000002";
  static final String STAMP_A = "d70c1a9b-c241-48f5-880a-b6c36071e653";
  static final String WEB = "VirtualMachines(ID=guid'f0000000-0000-4000-8000-000000000001',StampId=guid'" + STAMP_A + "')";
  static final String DB = "VirtualMachines(ID=guid'f0000000-0000-4000-8000-000000000002',StampId=guid'" + STAMP_A + "')";
  /** A VM in no cloud (its CloudId null: a world whose VM names a missing cloud is refused at load). */
  static final String ORPHAN = "VirtualMachines(ID=guid'f0000000-0000-4000-8000-000000000003',StampId=guid'" + STAMP_A
      + "')";
  static final String DEV = "VirtualMachines(ID=guid'f0000000-0000-4000-8000-000000000004',StampId=guid'"
      + "5e3b1f0a-7c2d-4e8f-9a1b-2c3d4e5f6a7b')";
  static final String NIC_1 = "VirtualNetworkAdapters(ID=guid'aaaaaaaa-0000-4000-8000-000000000001',StampId=guid'"
      + STAMP_A + "')";
  static final String NIC_2 = "VirtualNetworkAdapters(ID=guid'aaaaaaaa-0000-4000-8000-000000000002',StampId=guid'"
      + STAMP_A + "')";
  static final String DB_NIC = "VirtualNetworkAdapters(ID=guid'aaaaaaaa-0000-4000-8000-000000000003',StampId=guid'"
      + STAMP_A + "')";
  static final String GOLD = "Clouds(ID=guid'c1c1c1c1-0000-4000-8000-000000000001',StampId=guid'" + STAMP_A + "')";
  static final String TEMPLATE = "VMTemplates(ID=guid'7e7e7e7e-0000-4000-8000-000000000001',StampId=guid'" + STAMP_A
      + "')";
  static final String FULL = "application/json;odata=fullmetadata";
  static final String NO_METADATA = "application/json;odata=nometadata";
  static final String VERBOSE = "application/json;odata=verbose";
  static final String ATOM = "application/atom+xml";
  static final String RELATED = "http://schemas.microsoft.com/ado/2007/08/dataservices/related/";

  @Override
  EmulatorOptions.Builder options() {
    return EmulatorOptions.builder().seedFile(Path.of("src/test/resources/fixtures/navigation-world.json"));
  }

  /** The tenant root of the navigation world's first subscription. */
  String root() {
    return spf.serviceRoot(TENANT);
  }

  /** SPF's all-subscriptions root. */
  String spfRoot() {
    return spf.baseUrl() + "/SC2012R2/VMM/Microsoft.Management.Odata.svc/";
  }

  /** The body of a 200 answer to GET {@code url} with {@code accept}. */
  static String get(String accept, String url) {
    return request().header("Accept", accept).get(url).then().statusCode(200).extract().asString();
  }

  /** {@code text} with {@code {root}} replaced, parsed. */
  static JsonNode expected(String text, String root) {
    return json(text.replace("{root}", root));
  }
}
