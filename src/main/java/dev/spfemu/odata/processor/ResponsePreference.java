package dev.spfemu.odata.processor;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.format.ProtocolVersion;
import dev.spfemu.format.RequestVersions;
import java.util.Locale;

/**
 * The OData v3 {@code Prefer} header of a create or update: {@code return-content} asks for the
 * entity in the answer to a PUT/MERGE/PATCH (200 instead of 204), {@code return-no-content} for none
 * in the answer to a POST (204 instead of 201). The WAPack cmdlets send {@code Prefer: return-content}
 * on every PUT and need the entity back.
 *
 * <p>Honoured as WCF Data Services honours it ({@code ClientPreference}): only when the request's
 * version is 3.0 — its {@code DataServiceVersion}, or without one its {@code MaxDataServiceVersion},
 * 3.0 when absent too — so an older client's preference is ignored; the answer is then version 3.0,
 * and a client whose maximum is lower is refused. Other preferences are ignored.
 */
enum ResponsePreference {
  /** No preference, or none that applies: the method's usual answer. */
  NONE(null),
  CONTENT("return-content"),
  NO_CONTENT("return-no-content");

  static final String PREFER = "Prefer";
  static final String PREFERENCE_APPLIED = "Preference-Applied";

  private final String token;

  ResponsePreference(String token) {
    this.token = token;
  }

  /** The value of {@code Preference-Applied} when this preference is honoured. */
  String token() {
    return token;
  }

  /** Whether the answer follows a preference of the client (and so is version 3.0). */
  boolean applied() {
    return this != NONE;
  }

  /**
   * The preference of {@code call} that the server honours: the first of {@code return-content} and
   * {@code return-no-content} in its {@code Prefer} header, if the request's version allows it.
   *
   * @throws dev.spfemu.error.ServiceException 400 when a v3 request's MaxDataServiceVersion is below
   *     3.0, the version an answer that follows a preference has (as WCF Data Services refuses it)
   */
  static ResponsePreference of(ODataCall call, RequestVersions versions) {
    ResponsePreference asked = parse(call.header(PREFER));
    if (asked == NONE || !requestVersion(versions).atLeast(ProtocolVersion.V3)) {
      return NONE;
    }
    if (!versions.max().atLeast(ProtocolVersion.V3)) {
      throw VmmErrors.versionTooLow("Prefer: " + asked.token, ProtocolVersion.V3.text(), versions.max().text());
    }
    return asked;
  }

  /**
   * The request's version as WCF Data Services takes it: its DataServiceVersion, or without one its
   * maximum (3.0 when that is absent too; a lower maximum makes it 2.0 there, below 3.0 all the same).
   */
  private static ProtocolVersion requestVersion(RequestVersions versions) {
    return versions.dataServiceVersion() != null ? versions.dataServiceVersion() : versions.max();
  }

  private static ResponsePreference parse(String header) {
    if (header == null) {
      return NONE;
    }
    for (String preference : header.split(",")) {
      int parameters = preference.indexOf(';');
      String name = (parameters < 0 ? preference : preference.substring(0, parameters)).trim()
          .toLowerCase(Locale.ROOT);
      for (ResponsePreference known : new ResponsePreference[] {CONTENT, NO_CONTENT}) {
        if (known.token.equals(name)) {
          return known;
        }
      }
    }
    return NONE;
  }
}
