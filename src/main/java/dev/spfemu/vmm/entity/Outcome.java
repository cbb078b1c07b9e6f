package dev.spfemu.vmm.entity;

import dev.spfemu.store.EntityRecord;
import java.util.UUID;

/**
 * What a create, change or delete of one entity did, as a behaviour reports it: the entity, and the
 * VMM job it started. Clients find that job by its ID (the WAPack cmdlets read it from the response),
 * so the job must travel back with the entity rather than be looked up afterwards.
 *
 * @param entity the entity as stored after the operation; for a delete, as it was before
 * @param job the ID of the VMM job the operation started, or null when it started none
 */
public record Outcome(EntityRecord entity, UUID job) {

  /** An operation that only stored, as most sets do: no job. */
  public static Outcome stored(EntityRecord entity) {
    return new Outcome(entity, null);
  }
}
