package dev.spfemu.admin;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.spfemu.faults.FaultRule;
import dev.spfemu.faults.FaultRules;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a fault rule sent to {@code POST /_emulator/faults} (docs/testing.md), field for field the
 * {@link FaultRule.Builder}. Unknown fields are refused rather than ignored: a misspelt
 * {@code "entityset"} would otherwise make a rule that hits every request.
 */
final class FaultRuleJson {

  static final String EXAMPLE = "{\"method\":\"POST\",\"entitySet\":\"VMCheckPoints\",\"status\":503,"
      + "\"code\":\"ServiceUnavailable\",\"message\":\"VMM is busy\",\"times\":2}";

  private static final Set<String> FIELDS = Set.of("method", "entitySet", "path", "header", "headerValue", "status",
      "code", "message", "delayMillis", "maxDelayMillis", "dropConnection", "probability", "seed", "times");

  private FaultRuleJson() {
  }

  /**
   * The rule {@code body} describes.
   *
   * @throws IllegalArgumentException naming the field that is wrong
   */
  static FaultRule read(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new IllegalArgumentException("send a fault rule as a JSON object, such as " + EXAMPLE);
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new IllegalArgumentException("unknown field '" + name + "'; a fault rule has " + String.join(", ",
            FIELDS.stream().sorted().toList()));
      }
    }
    FaultRule.Builder rule = FaultRule.builder();
    text(body, "method").ifPresent(rule::method);
    text(body, "entitySet").ifPresent(rule::entitySet);
    text(body, "path").ifPresent(rule::pathMatching);
    text(body, "header").ifPresent(name -> rule.header(name, text(body, "headerValue").orElse(null)));
    if (body.has("status")) {
      rule.respond(integer(body, "status"), text(body, "code").orElse("InjectedFault"),
          text(body, "message").orElse("A fault injected into the emulator."));
    }
    if (body.has("maxDelayMillis")) {
      rule.delayBetween(Duration.ofMillis(body.has("delayMillis") ? integer(body, "delayMillis") : 0),
          Duration.ofMillis(integer(body, "maxDelayMillis")));
    } else if (body.has("delayMillis")) {
      rule.delay(Duration.ofMillis(integer(body, "delayMillis")));
    }
    if (body.path("dropConnection").asBoolean(false)) {
      rule.dropConnection();
    }
    if (body.has("probability")) {
      JsonNode probability = body.get("probability");
      if (!probability.isNumber()) {
        throw new IllegalArgumentException("'probability' must be a number between 0 and 1");
      }
      rule.probability(probability.asDouble());
    }
    if (body.has("seed")) {
      if (!body.get("seed").isIntegralNumber()) {
        throw new IllegalArgumentException("'seed' must be a whole number");
      }
      rule.seed(body.get("seed").asLong());
    }
    if (body.has("times")) {
      rule.times(integer(body, "times"));
    }
    return rule.build();
  }

  /** Writes {@code listed} as the whole answer, closing the generator. */
  static void write(FaultRules.Listed listed, JsonGenerator g) throws IOException {
    try (g) {
      writeFields(listed, g);
    }
  }

  /** Writes {@code listed} as an object: its ID, then the fields {@link #read} takes, those that are set. */
  static void writeFields(FaultRules.Listed listed, JsonGenerator g) throws IOException {
    FaultRule rule = listed.rule();
    g.writeStartObject();
    g.writeStringField("id", listed.id());
    optional(g, "method", rule.method());
    optional(g, "entitySet", rule.entitySet());
    optional(g, "path", rule.pathPattern());
    optional(g, "header", rule.header());
    optional(g, "headerValue", rule.headerValue());
    if (rule.status() != 0) {
      g.writeNumberField("status", rule.status());
      g.writeStringField("code", rule.code());
      g.writeStringField("message", rule.message());
    }
    g.writeNumberField("delayMillis", rule.delay().toMillis());
    if (rule.maxDelay() != null) {
      g.writeNumberField("maxDelayMillis", rule.maxDelay().toMillis());
    }
    g.writeBooleanField("dropConnection", rule.dropsConnection());
    g.writeNumberField("probability", rule.probability());
    g.writeNumberField("seed", rule.seed());
    if (rule.remaining() >= 0) {
      g.writeNumberField("times", rule.remaining());
    }
    g.writeEndObject();
  }

  private static void optional(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  private static Optional<String> text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException("'" + field + "' must be a string");
    }
    return Optional.of(value.asText());
  }

  private static int integer(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new IllegalArgumentException("'" + field + "' must be a whole number");
    }
    int number = value.asInt();
    if (number < 0) {
      throw new IllegalArgumentException("'" + field + "' must not be negative");
    }
    return number;
  }
}
