package dev.spfemu.vmm.world;

import dev.spfemu.model.EntityPayload;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.EntityValues;
import java.io.IOException;
import java.io.OutputStream;

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

  /** Writes one entity, every value as stored. */
  void write(OutputStream out, EntityTypeModel type, EntityValues values) throws IOException;
}
