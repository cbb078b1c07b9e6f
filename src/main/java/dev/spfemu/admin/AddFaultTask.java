package dev.spfemu.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code POST /_emulator/faults} with a fault rule ({@link FaultRuleJson}): added after the rules
 * already there. A rule that cannot be read is refused with the field at fault.
 */
final class AddFaultTask extends JsonBodyTask {

  private final Admin admin;

  AddFaultTask(Admin admin, ObjectMapper mapper) {
    super(mapper);
    this.admin = admin;
  }

  @Override
  void apply(JsonNode body, AdminResponse response) {
    admin.addFault(FaultRuleJson.read(body));
    response.status(204);
  }
}
