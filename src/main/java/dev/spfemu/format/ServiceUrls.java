package dev.spfemu.format;

import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.EntityValues;
import dev.spfemu.model.KeyPredicate;

/**
 * The URLs of one request's service, built from the request's own scheme and host (never stored:
 * the same entity has other URLs when reached through another host name).
 *
 * @param serviceRoot the absolute service root, ending with '/'
 */
public record ServiceUrls(String serviceRoot) {

  public String metadata() {
    return serviceRoot + "$metadata";
  }

  /** The relative path of an entity: {@code VMCheckPoints(ID=guid'…',StampId=guid'…')}. */
  public static String entityPath(EntityTypeModel type, EntityValues values) {
    return type.entitySet() + KeyPredicate.of(type, values);
  }

  /** The absolute URL of an entity, its identity and edit link. */
  public String entityUrl(EntityTypeModel type, EntityValues values) {
    return serviceRoot + entityPath(type, values);
  }
}
