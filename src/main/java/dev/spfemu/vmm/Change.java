package dev.spfemu.vmm;

import dev.spfemu.store.EntityRecord;
import dev.spfemu.vmm.entity.Outcome;
import java.util.UUID;

/**
 * What a create, change or delete through an {@link EntitySet} did: the entity and the VMM job the
 * request started. The protocol side reports the job to the client (real SPF clients read the job's
 * ID from the response and poll {@code Jobs} for it), the domain only says which job it was.
 *
 * @param entity the entity as stored after the operation; for a delete, as it was before
 * @param job the ID of the VMM job the request started, or null when it started none (plain storage)
 */
public record Change(EntityRecord entity, UUID job) {

  static Change of(Outcome outcome) {
    return new Change(outcome.entity(), outcome.job());
  }
}
