package dev.spfemu.format;

/** What a response body holds; content negotiation depends on it. */
public enum PayloadKind {
  ENTRY,
  FEED,
  /** One property of an entity. */
  PROPERTY,
  SERVICE_DOCUMENT,
  METADATA,
  ERROR
}
