package dev.spfemu.persist;

import dev.spfemu.model.ServiceModel;
import dev.spfemu.store.InMemoryEntityStore;
import dev.spfemu.vmm.world.EntityJson;

/**
 * One web service's part of what is kept: its name in the log, its model, its store, and how one of its
 * entities is written (the world file's format, so every type round-trips as in a world file).
 */
public record KeptService(String name, ServiceModel model, InMemoryEntityStore store, EntityJson json) {
}
