package dev.spfemu.format;

import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.EntityValues;
import dev.spfemu.model.KeyPredicate;
import dev.spfemu.model.NavigationModel;

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

  /**
   * The relative path of a navigation property of an entity, as WCF Data Services writes navigation
   * links: {@code VirtualMachines(ID=guid'…',StampId=guid'…')/VirtualNetworkAdapters}.
   */
  public static String navigationPath(EntityTypeModel type, EntityValues values, NavigationModel navigation) {
    return entityPath(type, values) + "/" + navigation.name();
  }

  /** The absolute URL of an entity, its identity and edit link. */
  public String entityUrl(EntityTypeModel type, EntityValues values) {
    return serviceRoot + entityPath(type, values);
  }
}
