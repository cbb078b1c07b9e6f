package dev.spfemu.bench;

import dev.spfemu.EmulatorOptions;
import java.io.IOException;
import java.io.Writer;
import java.net.http.HttpRequest;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Issue 13's index ratio end to end through HTTP, one request at a time, without wrk and its
 * connections: {@code GET VMCheckPoints?$filter=VMId eq guid'…'} of one of 100 VMs with
 * {@link #perVm} (100) checkpoints each, against {@code GET VMCheckPoints(ID=…,StampId=…)}, both JSON
 * light minimal metadata. The checkpoints carry the values a POST of the seed body stores (UTC times,
 * as the service's clock makes them). The filter's time over the key's is the inverse of what
 * {@code bench/indexes.sh} reports as the ratio, less the load generator's share.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FilterRequestBenchmark extends MicroBenchmark {

  private static final String SUBSCRIPTION = "ae122d5f-3aab-4d75-ad48-d6593246a49e";
  private static final String STAMP = "d70c1a9b-c241-48f5-880a-b6c36071e653";
  private static final int VMS = 100;

  @Param({"100"})
  public int perVm;

  private ServedWorld world;
  private HttpRequest byKey;
  private HttpRequest byVm;

  @Setup(Level.Trial)
  public void start() throws IOException {
    world = new ServedWorld(out -> writeWorld(out, perVm), EmulatorOptions.DEFAULT_PAGE_SIZE);
    String json = "application/json;odata=minimalmetadata";
    byKey = world.get(SUBSCRIPTION, "VMCheckPoints(ID=guid'" + checkpointId(VMS / 2, 0) + "',StampId=guid'" + STAMP
        + "')", json);
    byVm = world.get(SUBSCRIPTION, "VMCheckPoints?$filter=VMId%20eq%20guid'" + vmId(VMS / 2) + "'", json);
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    world.close();
  }

  @Benchmark
  public int getByKey() throws IOException, InterruptedException {
    return world.send(byKey);
  }

  @Benchmark
  public int filterByVm() throws IOException, InterruptedException {
    return world.send(byVm);
  }

  /** A world of {@link #VMS} VMs with {@code perVm} checkpoints each, as the seed POST makes them. */
  private static void writeWorld(Writer out, int perVm) throws IOException {
    out.write("{\"subscriptions\":[{\"id\":\"" + SUBSCRIPTION + "\",\"entities\":{\"VirtualMachines\":[");
    for (int i = 0; i < VMS; i++) {
      out.write((i == 0 ? "" : ",") + "{\"ID\":\"" + vmId(i) + "\",\"StampId\":\"" + STAMP + "\",\"Name\":\"vm-"
          + i + "\"}");
    }
    out.write("],\"VMCheckPoints\":[");
    for (int i = 0; i < VMS; i++) {
      for (int j = 0; j < perVm; j++) {
        out.write((i == 0 && j == 0 ? "" : ",") + "{\"ID\":\"" + checkpointId(i, j) + "\",\"StampId\":\"" + STAMP
            + "\",\"VMId\":\"" + vmId(i) + "\",\"Name\":\"Checkpoint " + j + "\",\"Accessibility\":\"Public\","
            + "\"Description\":\"\",\"Enabled\":true,\"AddedTime\":\"2026-12-02T01:02:03.4567891Z\","
            + "\"ModifiedTime\":\"2026-12-02T01:02:04.1234567Z\"}");
      }
    }
    out.write("]}}]}");
  }

  private static UUID vmId(int i) {
    return new UUID(1, i);
  }

  private static UUID checkpointId(int vm, int j) {
    return new UUID(3, (long) vm << 20 | j);
  }
}
