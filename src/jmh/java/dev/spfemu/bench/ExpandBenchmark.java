package dev.spfemu.bench;

import java.io.IOException;
import java.io.Writer;
import java.net.http.HttpRequest;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code GET VirtualMachines?$expand=VirtualNetworkAdapters} over 1,000 and 4,000 VMs, one adapter
 * each, end to end through HTTP: the time per request should grow with the number of VMs, not with
 * its square (the adapters are found through the store's index). Iterations of 2 s: one request
 * takes tens of milliseconds. Not run by {@code mvn verify}; docs/performance.md says how to run it.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ExpandBenchmark extends MicroBenchmark {

  private static final String SUBSCRIPTION = "ae122d5f-3aab-4d75-ad48-d6593246a49e";
  private static final String STAMP = "d70c1a9b-c241-48f5-880a-b6c36071e653";
  private static final String CLOUD = "00000000-0000-4000-8000-000000000101";

  @Param({"1000", "4000"})
  public int vms;

  private ServedWorld world;
  private HttpRequest expand;

  @Setup(Level.Trial)
  public void start() throws IOException {
    world = new ServedWorld(out -> writeWorld(out, vms), vms);
    expand = world.get(SUBSCRIPTION, "VirtualMachines?$expand=VirtualNetworkAdapters", "application/json");
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    world.close();
  }

  @Benchmark
  public int expandEveryVmsAdapters() throws IOException, InterruptedException {
    return world.send(expand);
  }

  /** A world with {@code count} VMs in one cloud, each with one adapter. */
  private static void writeWorld(Writer out, int count) throws IOException {
    out.write("{\"subscriptions\":[{\"id\":\"" + SUBSCRIPTION + "\",\"entities\":{\"Clouds\":[{\"ID\":\"" + CLOUD
        + "\",\"StampId\":\"" + STAMP + "\",\"Name\":\"Gold\"}],\"VirtualMachines\":[");
    for (int i = 0; i < count; i++) {
      out.write((i == 0 ? "" : ",") + "{\"ID\":\"" + vmId(i) + "\",\"StampId\":\"" + STAMP + "\",\"Name\":\"vm-" + i
          + "\",\"CloudId\":\"" + CLOUD + "\"}");
    }
    out.write("],\"VirtualNetworkAdapters\":[");
    for (int i = 0; i < count; i++) {
      out.write((i == 0 ? "" : ",") + "{\"ID\":\"" + new UUID(2, i) + "\",\"StampId\":\"" + STAMP + "\",\"VMId\":\""
          + vmId(i) + "\",\"IPv4Addresses\":[\"10.0." + i / 250 + "." + (i % 250 + 2) + "\"]}");
    }
    out.write("]}}]}");
  }

  private static UUID vmId(int i) {
    return new UUID(1, i);
  }
}
