package dev.spfemu.persist;

import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;

/**
 * One change of a stored entity: its after-image, or its removal ({@code after} null), with the store's
 * sequence number of the change (a later change of the same entity always has a higher one).
 */
record Change(KeptService service, String subscription, String entitySet, EntityKey key, EntityRecord after,
    long sequence) {
}
