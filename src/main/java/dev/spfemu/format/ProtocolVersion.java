package dev.spfemu.format;

import dev.spfemu.error.VmmErrors;

/** The OData protocol versions the emulator speaks, as carried by DataServiceVersion headers. */
public enum ProtocolVersion {
  V1("1.0"),
  V2("2.0"),
  V3("3.0");

  private final String text;
  private final String headerValue;

  ProtocolVersion(String text) {
    this.text = text;
    this.headerValue = text + ";";
  }

  /** The value of a response's DataServiceVersion header, WCF Data Services style: {@code 3.0;}. */
  public String headerValue() {
    return headerValue;
  }

  public String text() {
    return text;
  }

  public boolean atLeast(ProtocolVersion other) {
    return compareTo(other) >= 0;
  }

  public static ProtocolVersion max(ProtocolVersion a, ProtocolVersion b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  public static ProtocolVersion min(ProtocolVersion a, ProtocolVersion b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /**
   * Parses a version header such as {@code 3.0;NetFx} or {@code 2.0}; null when the header is
   * absent. Anything after the first ';' is the client's agent name and is ignored.
   */
  public static ProtocolVersion parseHeader(String header, String value) {
    if (value == null) {
      return null;
    }
    int semicolon = value.indexOf(';');
    String version = (semicolon < 0 ? value : value.substring(0, semicolon)).trim();
    switch (version) {
      case "1.0":
        return V1;
      case "2.0":
        return V2;
      case "3.0":
        return V3;
      default:
        if (version.matches("\\d{1,4}\\.\\d{1,4}")) {
          throw VmmErrors.unsupportedVersion(header, value);
        }
        throw VmmErrors.invalidVersionHeader(header, value);
    }
  }
}
