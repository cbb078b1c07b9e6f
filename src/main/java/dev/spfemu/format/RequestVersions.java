package dev.spfemu.format;

import dev.spfemu.error.ServiceException;
import dev.spfemu.error.VmmErrors;

/**
 * The three version headers of a request. {@code MaxDataServiceVersion} bounds every response;
 * {@code MinDataServiceVersion} (sent by some v3 clients) is a floor. A missing maximum means the
 * client accepts anything the server speaks, as WCF Data Services assumes.
 */
public record RequestVersions(ProtocolVersion dataServiceVersion, ProtocolVersion max,
    ProtocolVersion min) {

  public static final String DATA_SERVICE_VERSION = "DataServiceVersion";
  public static final String MAX_DATA_SERVICE_VERSION = "MaxDataServiceVersion";
  public static final String MIN_DATA_SERVICE_VERSION = "MinDataServiceVersion";

  /** What a request without version headers gets. */
  public static final RequestVersions DEFAULT =
      new RequestVersions(null, ProtocolVersion.V3, ProtocolVersion.V1);

  /** Parses the headers; throws a 400 {@link ServiceException} for malformed or unknown versions. */
  public static RequestVersions parse(String dataServiceVersion, String maxVersion, String minVersion) {
    if (dataServiceVersion == null && maxVersion == null && minVersion == null) {
      return DEFAULT;
    }
    ProtocolVersion dsv = ProtocolVersion.parseHeader(DATA_SERVICE_VERSION, dataServiceVersion);
    ProtocolVersion max = ProtocolVersion.parseHeader(MAX_DATA_SERVICE_VERSION, maxVersion);
    ProtocolVersion min = ProtocolVersion.parseHeader(MIN_DATA_SERVICE_VERSION, minVersion);
    RequestVersions versions = new RequestVersions(dsv, max == null ? ProtocolVersion.V3 : max,
        min == null ? ProtocolVersion.V1 : min);
    if (versions.min().compareTo(versions.max()) > 0) {
      throw VmmErrors.contradictoryVersions(versions.min().text(), versions.max().text());
    }
    return versions;
  }

  /**
   * The version to answer with: the lowest the payload needs, raised to the client's minimum, never
   * above its maximum.
   */
  public ProtocolVersion responseVersion(ProtocolVersion needed) {
    return ProtocolVersion.min(ProtocolVersion.max(needed, min), max);
  }
}
