package dev.spfemu.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The key predicate of an entity as it appears in its URL and in error messages:
 * {@code (ID=guid'…',StampId=guid'…')}, or {@code (guid'…')} for a single key. Kept with the model
 * because the domain names entities in its errors without knowing any payload format.
 */
public final class KeyPredicate {

  /** The kinds a key property may have: those whose URI literal is written here. */
  static final Set<EdmKind> KEY_KINDS = EnumSet.of(EdmKind.GUID, EdmKind.STRING, EdmKind.INT32, EdmKind.INT64);

  private KeyPredicate() {
  }

  /** The predicate of the entity with these values (model order), parentheses included. */
  public static String of(EntityTypeModel type, EntityValues values) {
    List<PropertyModel> keys = type.keys();
    StringBuilder predicate = new StringBuilder(96).append('(');
    for (int i = 0; i < keys.size(); i++) {
      PropertyModel key = keys.get(i);
      if (i > 0) {
        predicate.append(',');
      }
      if (keys.size() > 1) {
        predicate.append(key.name()).append('=');
      }
      appendLiteral(predicate, key.kind(), values.value(key.index()));
    }
    return predicate.append(')').toString();
  }

  private static void appendLiteral(StringBuilder out, EdmKind kind, Object value) {
    switch (kind) {
      case GUID -> out.append("guid'").append(value).append('\'');
      case STRING -> out.append('\'').append(value.toString().replace("'", "''")).append('\'');
      case INT64 -> out.append(value).append('L');
      default -> out.append(value);
    }
  }
}
