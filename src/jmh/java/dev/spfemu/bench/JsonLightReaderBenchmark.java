package dev.spfemu.bench;

import dev.spfemu.format.json.JsonEntityReader;
import dev.spfemu.model.EntityPayload;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What reading one request body costs: the seed request (a checkpoint create, 14 properties, most
 * of them null) and a VM body (134 properties), by the reader a JSON light Content-Type selects.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JsonLightReaderBenchmark {

  private JsonEntityReader reader;

  @Setup
  public void setUp(Payloads payloads) {
    reader = JsonEntityReader.lightOnly(payloads.json);
  }

  @Benchmark
  public EntityPayload seedRequest(Payloads payloads) {
    return reader.read(payloads.seedRequest, payloads.checkpointType);
  }

  @Benchmark
  public EntityPayload vmBody(Payloads payloads) {
    return reader.read(payloads.vmBody, payloads.vmType);
  }
}
