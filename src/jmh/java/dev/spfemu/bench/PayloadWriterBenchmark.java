package dev.spfemu.bench;

import dev.spfemu.format.Entry;
import dev.spfemu.format.FeedPage;
import dev.spfemu.format.PayloadWriter;
import dev.spfemu.format.ProtocolVersion;
import dev.spfemu.format.ServiceUrls;
import dev.spfemu.model.EntityTypeModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What one response body costs a {@link PayloadWriter}, apart from HTTP: a checkpoint entry (a
 * create's answer, a GET by key), a VM entry, and feeds of {@link #feedSize} of each (a page of a
 * collection GET). Each writes into a buffer kept from one call to the next, as a response buffer is,
 * so what is measured is the writer's own work. The formats' classes below name the writer.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public abstract class PayloadWriterBenchmark extends MicroBenchmark {

  /** Entities per feed. */
  @Param({"100"})
  public int feedSize;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
  private PayloadWriter writer;
  private ServiceUrls urls;
  private EntityTypeModel checkpointType;
  private EntityTypeModel vmType;
  private Entry checkpoint;
  private Entry vm;
  private FeedPage checkpoints;
  private FeedPage vms;

  /** The writer under test, made as the OData pipeline makes it. */
  protected abstract PayloadWriter writer(Payloads payloads);

  @Setup
  public void setUp(Payloads payloads) {
    writer = writer(payloads);
    urls = payloads.urls;
    checkpointType = payloads.checkpointType;
    vmType = payloads.vmType;
    checkpoint = Entry.of(Payloads.stored(payloads.checkpoint));
    vm = Entry.of(Payloads.stored(payloads.vm));
    checkpoints = FeedPage.of(checkpointType, Payloads.values(payloads.checkpoints(feedSize)), ProtocolVersion.V3);
    vms = FeedPage.of(vmType, Payloads.values(payloads.vms(feedSize)), ProtocolVersion.V3);
  }

  @Benchmark
  public int checkpointEntry() throws IOException {
    out.reset();
    writer.writeEntry(out, urls, checkpointType, checkpoint);
    return out.size();
  }

  @Benchmark
  public int vmEntry() throws IOException {
    out.reset();
    writer.writeEntry(out, urls, vmType, vm);
    return out.size();
  }

  @Benchmark
  public int checkpointFeed() throws IOException {
    out.reset();
    writer.writeFeed(out, urls, checkpointType, checkpoints);
    return out.size();
  }

  @Benchmark
  public int vmFeed() throws IOException {
    out.reset();
    writer.writeFeed(out, urls, vmType, vms);
    return out.size();
  }
}
