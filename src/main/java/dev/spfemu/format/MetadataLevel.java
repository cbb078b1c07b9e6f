package dev.spfemu.format;

/** How much metadata a JSON light payload carries. */
public enum MetadataLevel {
  NONE("nometadata"),
  MINIMAL("minimalmetadata"),
  FULL("fullmetadata");

  private final String parameter;

  MetadataLevel(String parameter) {
    this.parameter = parameter;
  }

  /** The value of the media type's {@code odata} parameter. */
  public String parameter() {
    return parameter;
  }

  /** The level named by an {@code odata=} parameter value, or null for any other value. */
  public static MetadataLevel fromParameter(String value) {
    for (MetadataLevel level : values()) {
      if (level.parameter.equals(value)) {
        return level;
      }
    }
    return null;
  }
}
