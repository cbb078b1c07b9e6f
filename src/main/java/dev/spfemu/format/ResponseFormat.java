package dev.spfemu.format;

/**
 * The negotiated format of one response.
 *
 * @param format the payload format
 * @param level the JSON light metadata level (MINIMAL for the other formats, where it is unused)
 * @param verboseParameter whether a verbose JSON client named {@code odata=verbose} (a v3 client)
 *     and so gets it back in the Content-Type
 */
public record ResponseFormat(Format format, MetadataLevel level, boolean verboseParameter) {

  public static final ResponseFormat ATOM = new ResponseFormat(Format.ATOM, MetadataLevel.MINIMAL, false);
  public static final ResponseFormat VERBOSE = new ResponseFormat(Format.JSON_VERBOSE, MetadataLevel.MINIMAL, false);
  public static final ResponseFormat VERBOSE_V3 = new ResponseFormat(Format.JSON_VERBOSE, MetadataLevel.MINIMAL, true);
  public static final ResponseFormat LIGHT_MINIMAL = light(MetadataLevel.MINIMAL);

  private static final String ATOM_ENTRY = "application/atom+xml;type=entry;charset=utf-8";
  private static final String ATOM_FEED = "application/atom+xml;type=feed;charset=utf-8";
  private static final String XML = "application/xml;charset=utf-8";

  public static ResponseFormat light(MetadataLevel level) {
    return new ResponseFormat(Format.JSON_LIGHT, level, false);
  }

  /** The Content-Type header for a payload of this kind, as WCF Data Services writes it. */
  public String contentType(PayloadKind kind) {
    switch (format) {
      case JSON_LIGHT:
        // Real SPF's exact spelling, spaces included.
        return "application/json; odata=" + level.parameter() + "; streaming=true; charset=utf-8";
      case JSON_VERBOSE:
        return verboseParameter ? "application/json;odata=verbose;charset=utf-8" : "application/json;charset=utf-8";
      default:
        switch (kind) {
          case ENTRY:
            return ATOM_ENTRY;
          case FEED:
            return ATOM_FEED;
          default:
            return XML;
        }
    }
  }

  /** The lowest protocol version a payload of this format needs. */
  public ProtocolVersion neededVersion() {
    return format == Format.JSON_LIGHT ? ProtocolVersion.V3 : ProtocolVersion.V1;
  }
}
