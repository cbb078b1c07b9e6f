package dev.spfemu.format;

import dev.spfemu.error.VmmErrors;
import java.util.Locale;

/** The format of a request body, decided by its Content-Type. */
public enum RequestFormat {
  JSON,
  ATOM;

  private static final String SUPPORTED =
      "application/json;odata=minimalmetadata, application/json;odata=verbose or application/atom+xml";

  /**
   * Whether {@code type} (a parsed Content-Type or Accept range, or null) is JSON light: application/json
   * with a metadata level as its odata parameter.
   */
  public static boolean isJsonLight(MediaType type) {
    String odata = type == null ? null : type.parameter("odata");
    return type != null && type.is("application", "json") && odata != null
        && MetadataLevel.fromParameter(odata.toLowerCase(Locale.ROOT)) != null;
  }

  /**
   * Classifies a request Content-Type; throws 415 for anything we cannot read. JSON light and
   * verbose request bodies are read by one reader (see {@code JsonEntityReader}), so the
   * {@code odata} parameter only has to be one OData knows.
   */
  public static RequestFormat of(String contentType) {
    return of(MediaType.parse(contentType), contentType);
  }

  /** The same for a Content-Type already parsed ({@code type}, null when it did not parse). */
  public static RequestFormat of(MediaType type, String contentType) {
    if (type == null) {
      throw VmmErrors.unsupportedMediaType(contentType, SUPPORTED);
    }
    String charset = type.parameter("charset");
    if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
      throw VmmErrors.unsupportedMediaType(contentType, SUPPORTED + " with charset=utf-8");
    }
    if (type.is("application", "json")) {
      String odata = type.parameter("odata");
      if (odata == null || odata.equalsIgnoreCase("verbose")
          || MetadataLevel.fromParameter(odata.toLowerCase(Locale.ROOT)) != null) {
        return JSON;
      }
    } else if (type.is("application", "atom+xml") || type.is("application", "xml")) {
      return ATOM;
    }
    throw VmmErrors.unsupportedMediaType(contentType, SUPPORTED);
  }
}
