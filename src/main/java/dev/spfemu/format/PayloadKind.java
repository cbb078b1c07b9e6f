package dev.spfemu.format;

/** What a response body holds; content negotiation depends on it. */
public enum PayloadKind {
  ENTRY,
  FEED,
  SERVICE_DOCUMENT,
  METADATA,
  ERROR
}
