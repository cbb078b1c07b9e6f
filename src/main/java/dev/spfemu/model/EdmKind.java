package dev.spfemu.model;

import java.util.HashMap;
import java.util.Map;

/** The EDM primitive types the VMM model uses, with their qualified names. */
public enum EdmKind {
  BINARY("Edm.Binary"),
  BOOLEAN("Edm.Boolean"),
  BYTE("Edm.Byte"),
  DATE_TIME("Edm.DateTime"),
  DATE_TIME_OFFSET("Edm.DateTimeOffset"),
  DECIMAL("Edm.Decimal"),
  DOUBLE("Edm.Double"),
  GUID("Edm.Guid"),
  INT16("Edm.Int16"),
  INT32("Edm.Int32"),
  INT64("Edm.Int64"),
  SBYTE("Edm.SByte"),
  SINGLE("Edm.Single"),
  STRING("Edm.String"),
  TIME("Edm.Time");

  private static final Map<String, EdmKind> BY_NAME = new HashMap<>();

  static {
    for (EdmKind kind : values()) {
      BY_NAME.put(kind.qualifiedName, kind);
    }
  }

  private final String qualifiedName;
  EdmKind(String qualifiedName) {
    this.qualifiedName = qualifiedName;
  }

  /** The name used in payloads and $metadata, e.g. {@code Edm.Guid}. */
  public String qualifiedName() {
    return qualifiedName;
  }

  /** The kind named {@code qualifiedName}, or null if it is not a primitive type we know. */
  public static EdmKind byName(String qualifiedName) {
    return BY_NAME.get(qualifiedName);
  }
}
