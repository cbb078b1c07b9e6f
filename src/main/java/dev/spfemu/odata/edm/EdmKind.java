package dev.spfemu.odata.edm;

import java.util.HashMap;
import java.util.Map;
import org.apache.olingo.odata2.api.edm.EdmSimpleTypeKind;

/** The EDM primitive types the VMM model uses, with their qualified names and Olingo's kind. */
public enum EdmKind {
  BINARY("Edm.Binary", EdmSimpleTypeKind.Binary),
  BOOLEAN("Edm.Boolean", EdmSimpleTypeKind.Boolean),
  BYTE("Edm.Byte", EdmSimpleTypeKind.Byte),
  DATE_TIME("Edm.DateTime", EdmSimpleTypeKind.DateTime),
  DATE_TIME_OFFSET("Edm.DateTimeOffset", EdmSimpleTypeKind.DateTimeOffset),
  DECIMAL("Edm.Decimal", EdmSimpleTypeKind.Decimal),
  DOUBLE("Edm.Double", EdmSimpleTypeKind.Double),
  GUID("Edm.Guid", EdmSimpleTypeKind.Guid),
  INT16("Edm.Int16", EdmSimpleTypeKind.Int16),
  INT32("Edm.Int32", EdmSimpleTypeKind.Int32),
  INT64("Edm.Int64", EdmSimpleTypeKind.Int64),
  SBYTE("Edm.SByte", EdmSimpleTypeKind.SByte),
  SINGLE("Edm.Single", EdmSimpleTypeKind.Single),
  STRING("Edm.String", EdmSimpleTypeKind.String),
  TIME("Edm.Time", EdmSimpleTypeKind.Time);

  private static final Map<String, EdmKind> BY_NAME = new HashMap<>();

  static {
    for (EdmKind kind : values()) {
      BY_NAME.put(kind.qualifiedName, kind);
    }
  }

  private final String qualifiedName;
  private final EdmSimpleTypeKind olingoKind;

  EdmKind(String qualifiedName, EdmSimpleTypeKind olingoKind) {
    this.qualifiedName = qualifiedName;
    this.olingoKind = olingoKind;
  }

  /** The name used in payloads and $metadata, e.g. {@code Edm.Guid}. */
  public String qualifiedName() {
    return qualifiedName;
  }

  EdmSimpleTypeKind olingoKind() {
    return olingoKind;
  }

  /** The kind named {@code qualifiedName}, or null if it is not a primitive type we know. */
  public static EdmKind byName(String qualifiedName) {
    return BY_NAME.get(qualifiedName);
  }
}
