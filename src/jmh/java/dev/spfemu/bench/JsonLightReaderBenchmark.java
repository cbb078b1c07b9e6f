package dev.spfemu.bench;

import dev.spfemu.format.json.JsonEntityReader;
import dev.spfemu.model.EntityPayload;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What reading one request body costs: the seed request (a checkpoint create, 14 properties, most
 * of them null) and a VM body (134 properties), by the reader a JSON light Content-Type selects.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JsonLightReaderBenchmark extends MicroBenchmark {

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
