package dev.spfemu.error;

import java.util.Map;

/**
 * A failure that the client caused or must be told about, with everything needed to answer it:
 * the HTTP status, the OData error code and a message that says what was wrong and how to fix it.
 * Thrown anywhere below the server; rendered in the client's format in exactly one place.
 */
public class ServiceException extends RuntimeException {

  private final int status;
  private final String code;
  private final Map<String, String> headers;

  public ServiceException(int status, String code, String message) {
    this(status, code, message, Map.of());
  }

  /** An error whose response also carries {@code headers} (such as {@code Allow} on a 405). */
  public ServiceException(int status, String code, String message, Map<String, String> headers) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.headers = Map.copyOf(headers);
  }

  /** The HTTP status of the error response. */
  public int status() {
    return status;
  }

  /** Extra response headers this error needs. */
  public Map<String, String> headers() {
    return headers;
  }

  /** The OData error code, written as {@code code} in the error body. */
  public String code() {
    return code;
  }
}
