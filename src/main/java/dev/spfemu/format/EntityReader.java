package dev.spfemu.format;

import dev.spfemu.error.ServiceException;
import dev.spfemu.model.EntityPayload;
import dev.spfemu.model.EntityTypeModel;

/** Reads one entity from a request body of one format. */
public interface EntityReader {

  /**
   * Reads {@code body} as an entity of {@code type}.
   *
   * @throws ServiceException 400 for a malformed body, an unknown property or a value of the wrong type
   */
  EntityPayload read(byte[] body, EntityTypeModel type);
}
