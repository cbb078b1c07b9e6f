package dev.spfemu.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What the built-in demo world (src/main/resources/dev/spfemu/world/demo-world.json) holds that tests name,
 * and create bodies that succeed against it, for tests in any package.
 */
public final class DemoWorld {

  /** The seed document's subscription: the demo world's, with the VMs, cloud and templates below. */
  public static final String SUBSCRIPTION = "ae122d5f-3aab-4d75-ad48-d6593246a49e";
  public static final String STAMP = "d70c1a9b-c241-48f5-880a-b6c36071e653";
  /** web-01, the seed document's VM (running). */
  public static final String VM = "f11b61fa-b5c7-4807-93b4-f9b371896c6f";
  /** sql-01, the demo world's other VM (stopped). */
  public static final String OTHER_VM = "00000000-0000-4000-8000-000000000702";
  public static final String CLOUD = "00000000-0000-4000-8000-000000000101";
  /** Windows Server 2012 R2 Datacenter: 2 CPUs, 4 GiB, one 40 GiB disk, one adapter. */
  public static final String TEMPLATE = "00000000-0000-4000-8000-000000000301";

  private DemoWorld() {
  }

  /** A minimal JSON-light create body for a checkpoint of {@link #VM} named {@code name}. */
  public static String checkpointBody(String name) {
    return "{\"odata.type\":\"VMM.VMCheckPoint\",\"Name\":\"" + name + "\",\"StampId\":\"" + STAMP
        + "\",\"VMId\":\"" + VM + "\"}";
  }

  /**
   * WAPTenantPublicAPI's New-WAPVM body: a stopped VM from {@link #TEMPLATE} in {@link #CLOUD}, which gets the
   * template's disk, drives and adapter (post it with {@code ?RunAsynchronously=0}).
   */
  public static String vmFromTemplateBody(String name) {
    return "{\"Name\":\"" + name + "\",\"StampId\":\"" + STAMP + "\",\"CloudId\":\"" + CLOUD
        + "\",\"VMTemplateId\":\"" + TEMPLATE + "\",\"ComputerName\":\"" + name + "\",\"StartVM\":false}";
  }

  /** The seed exchange's checkpoint create, as a real client sent it (fixtures/seed-request.json), renamed. */
  public static String seedRequest(String name) {
    return fixture("seed-request.json").replace("\"Checkpoint 1\"", "\"" + name + "\"");
  }

  /** A file of src/test/resources/fixtures (recorded requests and answers). */
  public static String fixture(String name) {
    try (InputStream in = DemoWorld.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
