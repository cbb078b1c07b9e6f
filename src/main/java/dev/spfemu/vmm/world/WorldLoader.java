package dev.spfemu.vmm.world;

import dev.spfemu.error.ServiceException;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.Guids;
import dev.spfemu.model.ServiceModel;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.EntityStore;
import dev.spfemu.vmm.entity.WriteOnlyValues;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * Loads a world file (docs/scenario.md) into the store: per subscription, per entity set, entities
 * written as JSON light request bodies would be. Each entity is read by the same reader as a
 * request, so a world file is checked as strictly as a client's body; unlike a create, nothing is
 * assigned: the file gives every value, keys included.
 */
public final class WorldLoader {

  private final ServiceModel model;
  private final EntityStore store;
  private final EntityJson reader;
  /** Refuses a member given twice (which would count?) and anything after the document (a file cut or glued). */
  private final WorldTree tree = new WorldTree();

  public WorldLoader(ServiceModel model, EntityStore store, EntityJson reader) {
    this.model = model;
    this.store = store;
    this.reader = reader;
  }

  /**
   * Loads {@code in}, or only the part of it for subscription {@code only} when that is not null;
   * {@code source} names it in errors.
   *
   * @return the number of entities loaded
   * @throws InvalidWorldException when the file is not a valid world
   */
  public int load(InputStream in, String source, String only) throws IOException {
    Object subscriptions = WorldTree.member(parse(in, source), "subscriptions");
    if (!(subscriptions instanceof List<?>)) {
      throw new InvalidWorldException(source + ": expected {\"subscriptions\": [...]} at the top level");
    }
    int loaded = 0;
    for (Object subscription : (List<?>) subscriptions) {
      String id = WorldTree.member(subscription, "id") instanceof String text ? text : null;
      if (id == null || !Guids.isGuid(id)) {
        throw new InvalidWorldException(source + ": every subscription needs an \"id\" that is a GUID");
      }
      if (only != null && !only.equalsIgnoreCase(id)) {
        continue;
      }
      for (Map.Entry<String, Object> set : WorldTree.members(WorldTree.member(subscription, "entities"))) {
        loaded += loadSet(source, "subscription " + id, id, set.getKey(), set.getValue());
      }
    }
    return loaded;
  }

  /**
   * Loads the section {@code {"<section>": {"entities": {...}}}} of a world file: the entities of a
   * web service that belong to no subscription (SPF's Admin service), stored in partition
   * {@code scope}. A file without the section loads nothing.
   *
   * @return the number of entities loaded
   * @throws InvalidWorldException when the file or the section is not valid
   */
  public int loadSection(InputStream in, String source, String section, String scope) throws IOException {
    Object part = WorldTree.member(parse(in, source), section);
    if (part == null || part == WorldTree.NULL) {
      return 0;
    }
    if (!(part instanceof Map<?, ?>)) {
      throw new InvalidWorldException(source + ": expected {\"" + section + "\": {\"entities\": {...}}}");
    }
    int loaded = 0;
    for (Map.Entry<String, Object> set : WorldTree.members(WorldTree.member(part, "entities"))) {
      loaded += loadSet(source, section, scope, set.getKey(), set.getValue());
    }
    return loaded;
  }

  /** The whole document, read before anything is loaded (null when empty). */
  private Object parse(InputStream in, String source) {
    try {
      return tree.read(in);
    } catch (IOException e) {
      throw new InvalidWorldException(source + " is not valid JSON: " + e.getMessage());
    }
  }

  /**
   * @param owner names where the set is in errors ("subscription …", "admin")
   * @param subscription the store partition the entities go to
   */
  private int loadSet(String source, String owner, String subscription, String setName, Object entities)
      throws IOException {
    EntityTypeModel type = model.byEntitySet(setName);
    if (type == null) {
      throw new InvalidWorldException(source + ": " + owner + " has an unknown entity set '" + setName + "'");
    }
    int index = 0;
    for (Object entity : WorldTree.children(entities)) {
      String where = source + ": " + setName + "[" + index++ + "] of " + owner;
      EntityRecord record;
      try {
        record = reader.readRecord(tree.write(entity), type)
            .changed(values -> WriteOnlyValues.drop(type, values)); // a world file's secrets are not kept either
      } catch (ServiceException | IllegalArgumentException e) {
        throw new InvalidWorldException(where + ": " + e.getMessage());
      }
      if (!store.insert(subscription, setName, record)) {
        throw new InvalidWorldException(where + ": an entity with the same key is already loaded");
      }
    }
    return index;
  }

  /** A world file that cannot be loaded; the message says where and why. */
  public static final class InvalidWorldException extends IllegalArgumentException {
    InvalidWorldException(String message) {
      super(message);
    }
  }
}
