package dev.spfemu.bench;

import dev.spfemu.format.PayloadWriter;
import dev.spfemu.format.atom.AtomWriter;
import java.time.Clock;
import javax.xml.stream.XMLOutputFactory;

/** {@link PayloadWriterBenchmark} for Atom (what the .NET 4 WCF Data Services client reads). */
public class AtomWriterBenchmark extends PayloadWriterBenchmark {

  @Override
  protected PayloadWriter writer(Payloads payloads) {
    return new AtomWriter(XMLOutputFactory.newInstance(), Clock.systemUTC());
  }
}
