package dev.spfemu.persist;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spfemu.store.EntityKey;
import java.util.HashMap;
import java.util.Map;

/**
 * Puts a snapshot and then the change log back into the stores. Units of work may reach the log in
 * another order than they changed an entity (two requests changing one VM commit in either order), so a
 * change is applied only if its sequence number is higher than the last one applied to that entity; a
 * snapshot's entities come first, below every logged change.
 */
final class Replay implements ChangeCodec.Reader {

  /** The sequence of the change last applied to each entity the log touched (removals too). */
  private final Map<Entity, Long> applied = new HashMap<>();
  private final Map<String, Long> lastSequence = new HashMap<>();
  private long idDraws;
  private String clock;
  private boolean snapshot;
  private long changes;

  private record Entity(String service, String subscription, String entitySet, EntityKey key) {
  }

  /** What follows is a snapshot: every entity once, none to order. */
  Replay snapshot(boolean snapshot) {
    this.snapshot = snapshot;
    return this;
  }

  @Override
  public void header(JsonNode header) {
    idDraws = Math.max(idDraws, header.path("ids").asLong());
    if (header.hasNonNull("clock")) {
      clock = header.get("clock").asText();
    }
    header.path("sequences").fields().forEachRemaining(
        sequence -> lastSequence.merge(sequence.getKey(), sequence.getValue().asLong(), Math::max));
  }

  @Override
  public void change(Change change) {
    changes++;
    String service = change.service().name();
    lastSequence.merge(service, change.sequence(), Math::max);
    if (!snapshot) {
      Long before = applied.putIfAbsent(
          new Entity(service, change.subscription(), change.entitySet(), change.key()), change.sequence());
      if (before != null) {
        if (before >= change.sequence()) {
          return; // a later change of this entity reached the log first
        }
        applied.put(new Entity(service, change.subscription(), change.entitySet(), change.key()), change.sequence());
      }
    }
    if (change.after() == null) {
      change.service().store().remove(change.subscription(), change.entitySet(), change.key());
    } else {
      change.service().store().put(change.subscription(), change.entitySet(), change.after());
    }
  }

  long idDraws() {
    return idDraws;
  }

  /** The clock setting last logged, or null if the clock was never changed. */
  String clock() {
    return clock;
  }

  long lastSequence(String service) {
    return lastSequence.getOrDefault(service, 0L);
  }

  long changes() {
    return changes;
  }
}
