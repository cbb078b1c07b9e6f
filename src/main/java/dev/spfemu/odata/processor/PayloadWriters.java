package dev.spfemu.odata.processor;

import com.fasterxml.jackson.core.JsonFactory;
import dev.spfemu.format.MetadataLevel;
import dev.spfemu.format.PayloadWriter;
import dev.spfemu.format.ResponseFormat;
import dev.spfemu.format.atom.AtomWriter;
import dev.spfemu.format.json.JsonLightWriter;
import dev.spfemu.format.json.VerboseJsonWriter;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;

/** One writer per negotiated format, made once per emulator; all are stateless and thread-safe. */
final class PayloadWriters {

  private final PayloadWriter atom;
  private final PayloadWriter verbose;
  private final Map<MetadataLevel, PayloadWriter> light = new EnumMap<>(MetadataLevel.class);

  PayloadWriters(JsonFactory json, XMLOutputFactory xml, Clock clock) {
    this.atom = new AtomWriter(xml, clock);
    this.verbose = new VerboseJsonWriter(json);
    for (MetadataLevel level : MetadataLevel.values()) {
      light.put(level, new JsonLightWriter(json, level));
    }
  }

  PayloadWriter of(ResponseFormat format) {
    switch (format.format()) {
      case JSON_LIGHT:
        return light.get(format.level());
      case JSON_VERBOSE:
        return verbose;
      default:
        return atom;
    }
  }
}
