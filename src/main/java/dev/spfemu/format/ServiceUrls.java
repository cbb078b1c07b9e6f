package dev.spfemu.format;

import dev.spfemu.format.codec.PrimitiveCodecs;
import dev.spfemu.odata.edm.EntityTypeModel;
import dev.spfemu.odata.edm.PropertyModel;
import java.util.List;

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
    StringBuilder path = new StringBuilder(type.entitySet().length() + 96).append(type.entitySet()).append('(');
    List<PropertyModel> keys = type.keys();
    for (int i = 0; i < keys.size(); i++) {
      PropertyModel key = keys.get(i);
      if (i > 0) {
        path.append(',');
      }
      if (keys.size() > 1) {
        path.append(key.name()).append('=');
      }
      path.append(PrimitiveCodecs.of(key.kind()).toUriLiteral(values.value(key.index())));
    }
    return path.append(')').toString();
  }

  /** The absolute URL of an entity, its identity and edit link. */
  public String entityUrl(EntityTypeModel type, EntityValues values) {
    return serviceRoot + entityPath(type, values);
  }
}
