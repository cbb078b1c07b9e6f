package dev.spfemu.format;

import dev.spfemu.error.ServiceException;
import dev.spfemu.error.VmmErrors;
import java.util.List;
import java.util.Locale;

/**
 * Picks the response format from {@code $format}, {@code Accept} and the client's maximum version,
 * as WCF Data Services does: {@code $format} wins over Accept; the highest q-value wins and the
 * earlier range breaks ties; no Accept or {@code *}{@code /*} means Atom; plain
 * {@code application/json} means JSON light for a v3 client and verbose JSON for an older one.
 */
public final class ContentNegotiator {

  private static final String SUPPORTED_ENTRY_TYPES =
      "application/atom+xml, application/json;odata=minimalmetadata (or fullmetadata, nometadata),"
          + " application/json;odata=verbose";

  private ContentNegotiator() {
  }

  /**
   * The format for a successful response.
   *
   * @throws ServiceException 406 when nothing acceptable can be served, 400 for a bad $format
   */
  public static ResponseFormat negotiate(PayloadKind kind, String accept, String formatOption,
      RequestVersions versions) {
    String ranges = accept;
    if (formatOption != null) {
      ranges = formatOptionAsAccept(formatOption);
    }
    List<MediaType> parsed = MediaType.parseList(ranges == null || ranges.isBlank() ? "*/*" : ranges);
    ResponseFormat best = null;
    double bestQuality = 0;
    boolean lightRefused = false;
    for (MediaType range : parsed) {
      if (range.quality() <= 0) {
        continue;
      }
      ResponseFormat candidate = match(kind, range, versions);
      if (candidate == null && RequestFormat.isJsonLight(range) && !versions.max().atLeast(ProtocolVersion.V3)) {
        lightRefused = true;
      }
      if (candidate != null && range.quality() > bestQuality) {
        best = candidate;
        bestQuality = range.quality();
      }
    }
    if (best != null) {
      return best;
    }
    if (lightRefused) {
      throw VmmErrors.notAcceptable("JSON light (application/json;odata=minimalmetadata) needs OData"
          + " version 3.0, but the request's MaxDataServiceVersion is " + versions.max().text()
          + ". Send MaxDataServiceVersion: 3.0, or ask for application/json;odata=verbose or"
          + " application/atom+xml.");
    }
    throw VmmErrors.notAcceptable("None of the media types in '" + (ranges == null ? "" : ranges)
        + "' can be served for this resource. Supported: " + supportedFor(kind) + ".");
  }

  /**
   * The format for an error response: the same rules, but it never fails; what cannot be
   * negotiated is answered in XML, WCF Data Services' default.
   */
  public static ResponseFormat forError(String accept, String formatOption, RequestVersions versions) {
    try {
      return negotiate(PayloadKind.ERROR, accept, formatOption, versions == null ? RequestVersions.DEFAULT : versions);
    } catch (ServiceException e) {
      return ResponseFormat.ATOM;
    }
  }

  private static ResponseFormat match(PayloadKind kind, MediaType range, RequestVersions versions) {
    if (range.isWildcard() || (range.type().equals("application") && range.subtype().equals("*"))) {
      return ResponseFormat.ATOM;
    }
    if (!range.type().equals("application")) {
      return null;
    }
    switch (range.subtype()) {
      case "json":
        return kind == PayloadKind.METADATA ? null : json(range, versions);
      case "xml":
        return ResponseFormat.ATOM;
      case "atom+xml":
        // a property is plain XML, never Atom
        return kind == PayloadKind.ENTRY || kind == PayloadKind.FEED || kind == PayloadKind.ERROR
            ? ResponseFormat.ATOM : null;
      case "atomsvc+xml":
        return kind == PayloadKind.SERVICE_DOCUMENT || kind == PayloadKind.ERROR ? ResponseFormat.ATOM : null;
      default:
        return null;
    }
  }

  private static ResponseFormat json(MediaType range, RequestVersions versions) {
    String odata = range.parameter("odata");
    boolean v3 = versions.max().atLeast(ProtocolVersion.V3);
    if (odata == null) {
      return v3 ? ResponseFormat.LIGHT_MINIMAL : ResponseFormat.VERBOSE;
    }
    String value = odata.toLowerCase(Locale.ROOT);
    if (value.equals("verbose")) {
      return ResponseFormat.VERBOSE_V3;
    }
    MetadataLevel level = MetadataLevel.fromParameter(value);
    if (level == null || !v3) {
      return null;
    }
    return level == MetadataLevel.MINIMAL ? ResponseFormat.LIGHT_MINIMAL : ResponseFormat.light(level);
  }

  private static String formatOptionAsAccept(String formatOption) {
    switch (formatOption.trim().toLowerCase(Locale.ROOT)) {
      case "json":
        return "application/json";
      case "atom":
        return "application/atom+xml, application/atomsvc+xml, application/xml";
      case "xml":
        return "application/xml";
      default:
        if (MediaType.parse(formatOption) == null) {
          throw VmmErrors.invalidFormatOption(formatOption);
        }
        return formatOption;
    }
  }

  private static String supportedFor(PayloadKind kind) {
    switch (kind) {
      case METADATA:
        return "application/xml";
      case SERVICE_DOCUMENT:
        return "application/xml, application/atomsvc+xml, application/json;odata=minimalmetadata,"
            + " application/json;odata=verbose";
      case PROPERTY:
      case LINKS:
        return "application/xml, application/json;odata=minimalmetadata, application/json;odata=verbose";
      default:
        return SUPPORTED_ENTRY_TYPES;
    }
  }
}
