package dev.spfemu.admin;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.spfemu.faults.FaultRules;
import java.io.IOException;

/**
 * {@code GET /_emulator/faults}: {@code {"faults": [...]}}, the fault rules in the order they are
 * tried, each with its {@code id} and the fields it was added with ({@code times}: the hits left).
 */
final class ListFaultsTask implements AdminTask {

  private final Admin admin;

  ListFaultsTask(Admin admin) {
    this.admin = admin;
  }

  @Override
  public void handle(AdminRequest request, AdminResponse response) throws IOException {
    try (JsonGenerator g = response.json(200)) {
      g.writeStartObject();
      g.writeArrayFieldStart("faults");
      for (FaultRules.Listed listed : admin.faults()) {
        FaultRuleJson.writeFields(listed, g);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }
}
