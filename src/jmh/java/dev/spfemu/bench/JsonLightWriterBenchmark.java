package dev.spfemu.bench;

import dev.spfemu.format.MetadataLevel;
import dev.spfemu.format.PayloadWriter;
import dev.spfemu.format.json.JsonLightWriter;
import org.openjdk.jmh.annotations.Param;

/**
 * {@link PayloadWriterBenchmark} for JSON light ({@code application/json}, what the .NET and
 * PowerShell clients and most others ask for), at {@link #level} ({@code -p level=FULL} for
 * {@code odata=fullmetadata}).
 */
public class JsonLightWriterBenchmark extends PayloadWriterBenchmark {

  @Param({"MINIMAL"})
  public MetadataLevel level;

  @Override
  protected PayloadWriter writer(Payloads payloads) {
    return new JsonLightWriter(payloads.json, level);
  }
}
