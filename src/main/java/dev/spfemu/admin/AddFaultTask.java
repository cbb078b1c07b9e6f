package dev.spfemu.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spfemu.faults.FaultRule;
import dev.spfemu.faults.FaultRules;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * {@code POST /_emulator/faults} with a fault rule ({@link FaultRuleJson}): added after the rules
 * already there, and answered {@code 201} with the rule as {@code GET /_emulator/faults} lists it,
 * its {@code id} included (to remove it by). A rule that cannot be read is refused with the field at
 * fault, and one whose delay is above the emulator's limit with the limit.
 */
final class AddFaultTask extends JsonBodyTask {

  private final Admin admin;

  AddFaultTask(Admin admin, Supplier<ObjectMapper> mapper) {
    super(mapper);
    this.admin = admin;
  }

  @Override
  void apply(JsonNode body, AdminResponse response) throws IOException {
    FaultRule rule = FaultRuleJson.read(body);
    String id = admin.addFault(rule);
    FaultRuleJson.write(new FaultRules.Listed(id, rule), response.json(201));
  }
}
