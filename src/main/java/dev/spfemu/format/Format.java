package dev.spfemu.format;

/** The three payload formats of OData v3 as WCF Data Services serves them. */
public enum Format {
  /** Atom/AtomPub XML (and plain XML for errors, $metadata and the service document). */
  ATOM,
  /** The v1/v2 JSON format ({@code {"d":...}}), {@code application/json;odata=verbose} in v3. */
  JSON_VERBOSE,
  /** v3 "JSON light" ({@code application/json;odata=minimalmetadata} and its siblings). */
  JSON_LIGHT
}
