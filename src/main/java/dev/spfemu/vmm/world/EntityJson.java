package dev.spfemu.vmm.world;

import dev.spfemu.model.EntityPayload;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.EntityValues;
import dev.spfemu.model.PropertyModel;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * How a world file writes one entity: as a JSON light request body without annotations. The
 * domain does not know payload formats, so the protocol side supplies this, using the same reader
 * and writer as requests: a world file is checked as strictly as a client's body.
 */
public interface EntityJson {

  /**
   * Reads one entity.
   *
   * @throws dev.spfemu.error.ServiceException when it is not a valid entity of {@code type}
   */
  EntityPayload read(byte[] json, EntityTypeModel type);

  /**
   * Reads one entity as the store keeps it: collections never null, its key from its key properties.
   *
   * @throws dev.spfemu.error.ServiceException when it is not a valid entity of {@code type}
   * @throws IllegalArgumentException when a key property is missing; the message names it
   */
  default EntityRecord readRecord(byte[] json, EntityTypeModel type) {
    Object[] values = read(json, type).values();
    for (PropertyModel property : type.properties()) {
      if (property.collection() && values[property.index()] == null) {
        values[property.index()] = List.of();
      }
    }
    List<PropertyModel> keys = type.keys();
    Object[] key = new Object[keys.size()];
    for (int i = 0; i < key.length; i++) {
      key[i] = values[keys.get(i).index()];
      if (key[i] == null) {
        throw new IllegalArgumentException("the key property '" + keys.get(i).name() + "' is missing");
      }
    }
    return new EntityRecord(EntityKey.of(key), values);
  }

  /** Writes one entity, every value as stored. */
  void write(OutputStream out, EntityTypeModel type, EntityValues values) throws IOException;
}
