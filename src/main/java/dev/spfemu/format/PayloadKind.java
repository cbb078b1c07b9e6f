package dev.spfemu.format;

/** What a response body holds; content negotiation depends on it. */
public enum PayloadKind {
  ENTRY,
  FEED,
  /** One property of an entity. */
  PROPERTY,
  /** The links of a navigation property ({@code $links}): plain XML or JSON, never Atom. */
  LINKS,
  SERVICE_DOCUMENT,
  METADATA,
  ERROR
}
