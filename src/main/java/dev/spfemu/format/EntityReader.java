package dev.spfemu.format;

import dev.spfemu.error.ODataException;
import dev.spfemu.odata.edm.EntityTypeModel;

/** Reads one entity from a request body of one format. */
public interface EntityReader {

  /**
   * Reads {@code body} as an entity of {@code type}.
   *
   * @throws ODataException 400 for a malformed body, an unknown property or a value of the wrong type
   */
  EntityPayload read(byte[] body, EntityTypeModel type);
}
