package dev.spfemu.error;

import java.util.Collection;
import java.util.Map;

/**
 * One named factory per error the emulator reports. The codes are stable strings that tests and
 * clients may match on; the messages name the culprit and the fix.
 *
 * <p>Real SPF (WCF Data Services) reports most errors with an empty code and a message; named codes
 * are ours and documented in {@code docs/api.md}.
 */
public final class VmmErrors {

  private VmmErrors() {
  }

  // 400 ----------------------------------------------------------------------------------------

  public static ODataException malformedPayload(String format, String detail) {
    return new ODataException(400, "MalformedPayload",
        "The request body is not a valid " + format + " payload: " + detail);
  }

  public static ODataException missingRequiredProperty(String property, String typeName) {
    return new ODataException(400, "MissingRequiredProperty",
        "The property '" + property + "' is required to create a " + typeName
            + "; add it to the request body.");
  }

  public static ODataException unknownProperty(String property, String typeName) {
    return new ODataException(400, "UnknownProperty",
        "The property '" + property + "' does not exist on type '" + typeName
            + "'. Make sure to only use property names that are defined by the type.");
  }

  public static ODataException duplicateProperty(String property) {
    return new ODataException(400, "DuplicateProperty",
        "The property '" + property + "' appears more than once in the request body.");
  }

  public static ODataException invalidPropertyValue(String property, String edmType, String detail) {
    return new ODataException(400, "InvalidPropertyValue",
        "The value of property '" + property + "' is not a valid " + edmType + ": " + detail);
  }

  public static ODataException nullNotAllowed(String property, String typeName) {
    return new ODataException(400, "NullValueNotAllowed",
        "The property '" + property + "' of type '" + typeName + "' cannot be null.");
  }

  public static ODataException typeMismatch(String sent, String expected) {
    return new ODataException(400, "TypeMismatch",
        "The request body names the type '" + sent + "', but this entity set holds '" + expected
            + "'. Send odata.type '" + expected + "' or leave it out.");
  }

  public static ODataException keyMismatch(String property, String urlKey) {
    return new ODataException(400, "KeyMismatch",
        "The body's '" + property + "' differs from the key in the URL " + urlKey
            + ". Keys cannot change; send the entity's own key or leave it out.");
  }

  public static ODataException noConcurrencyToken(String ifMatch) {
    return new ODataException(400, "NoConcurrencyToken",
        "The If-Match value '" + ifMatch + "' cannot match: VMM entities have no ETag. Send If-Match: *"
            + " or no If-Match header.");
  }

  public static ODataException invalidTunnelledMethod(String method) {
    return new ODataException(400, "InvalidMethodTunnel",
        "X-HTTP-Method '" + method + "' is not a method that can be tunnelled through POST. Use MERGE,"
            + " PATCH, PUT or DELETE.");
  }

  public static ODataException invalidQuery(String detail) {
    return new ODataException(400, "InvalidQuery", detail);
  }

  public static ODataException versionTooLow(String feature, String needed, String max) {
    return new ODataException(400, "VersionTooLow",
        feature + " needs OData version " + needed + ", but the request's MaxDataServiceVersion is " + max
            + ". Send MaxDataServiceVersion: " + needed + " or higher.");
  }

  /** A VMM operation the object's state does not allow (VMM refuses it; SPF reports a validation error). */
  public static ODataException invalidVmOperation(String detail) {
    return new ODataException(400, "InvalidOperationForState", detail);
  }

  public static ODataException invalidUri(String detail) {
    return new ODataException(400, "InvalidUri", detail);
  }

  public static ODataException invalidVersionHeader(String header, String value) {
    return new ODataException(400, "InvalidDataServiceVersion",
        "The " + header + " header value '" + value + "' is not valid. Use 1.0, 2.0 or 3.0,"
            + " optionally followed by ';NetFx'.");
  }

  public static ODataException unsupportedVersion(String header, String value) {
    return new ODataException(400, "UnsupportedDataServiceVersion",
        "The " + header + " '" + value + "' is not supported. The only supported versions are"
            + " '1.0', '2.0' and '3.0'.");
  }

  public static ODataException contradictoryVersions(String min, String max) {
    return new ODataException(400, "InvalidDataServiceVersion",
        "MinDataServiceVersion " + min + " is above MaxDataServiceVersion " + max
            + "; no response version can satisfy both.");
  }

  public static ODataException invalidFormatOption(String value) {
    return new ODataException(400, "InvalidFormatOption",
        "The $format value '" + value + "' is not supported. Use json, atom, xml or a media type"
            + " such as application/json;odata=minimalmetadata.");
  }

  public static ODataException unsupportedResource(String resource) {
    return new ODataException(400, "UnsupportedResource",
        "Requests for '" + resource + "' are not supported by the emulator: VMM types have no"
            + " navigation properties or links; address entity sets, entities and their properties.");
  }

  /** A request the HTTP layer refused before it reached the service (status as the HTTP layer chose it). */
  public static ODataException malformedRequest(int status, String reason) {
    String detail = reason == null || reason.isBlank() ? "" : " (" + reason + ")";
    return new ODataException(status, "MalformedRequest", "The HTTP request is malformed" + detail
        + ". Check the URL's percent-encoding, the path and the size of the headers.");
  }

  // 404 ----------------------------------------------------------------------------------------

  public static ODataException notFound(String message) {
    return new ODataException(404, "ResourceNotFound", message);
  }

  public static ODataException entityNotFound(String entitySet, String keyPredicate) {
    return new ODataException(404, "ResourceNotFound",
        "Resource not found for the segment '" + entitySet + keyPredicate + "'.");
  }

  /**
   * A reference to an entity that does not exist. 404, as the WAP Service Management API reports a
   * missing resource "or a dependency".
   */
  public static ODataException referenceNotFound(String property, Object value, String entitySet, Object stamp) {
    return new ODataException(404, "ReferencedEntityNotFound",
        "The " + property + " '" + value + "' does not name an entity of " + entitySet + " in this subscription"
            + (stamp == null ? "" : " on stamp '" + stamp + "'") + ". Create it first (POST " + entitySet
            + ") or use the ID of an existing one.");
  }

  public static ODataException notAServiceRoot(String path) {
    return new ODataException(404, "ResourceNotFound",
        "No SPF VMM service at '" + path + "'. The service roots are"
            + " /{subscription-id}/services/systemcenter/vmm/, /SC2012R2/VMM/{subscription-id}/Microsoft.Management.Odata.svc/"
            + " and /SC2012R2/VMM/Microsoft.Management.Odata.svc/, where {subscription-id} is a GUID.");
  }

  // 405 / 406 / 409 / 413 / 415 ------------------------------------------------------------------

  public static ODataException methodNotAllowed(String method, String resource, Collection<String> allowed) {
    return new ODataException(405, "MethodNotAllowed",
        "The method '" + method + "' is not allowed on '" + resource + "'. Allowed: "
            + String.join(", ", allowed) + ".", Map.of("Allow", String.join(", ", allowed)));
  }

  public static ODataException createNeedsTenant(String entitySet) {
    return new ODataException(405, "MethodNotAllowed",
        "SPF's all-subscriptions root cannot create " + entitySet + ": an entity belongs to a subscription. POST to"
            + " /SC2012R2/VMM/{subscription-id}/Microsoft.Management.Odata.svc/" + entitySet + " or to"
            + " /{subscription-id}/services/systemcenter/vmm/" + entitySet + ".", Map.of("Allow", "GET"));
  }

  public static ODataException notAcceptable(String detail) {
    return new ODataException(406, "NotAcceptable", detail);
  }

  public static ODataException entityExists(String entitySet, String keyPredicate) {
    return new ODataException(409, "EntityAlreadyExists",
        "An entity with the key " + keyPredicate + " already exists in " + entitySet
            + ". Send the all-zero ID to let the server assign one.");
  }

  public static ODataException payloadTooLarge(long limit) {
    return new ODataException(413, "PayloadTooLarge",
        "The request body is larger than the limit of " + limit + " bytes.");
  }

  public static ODataException unsupportedMediaType(String contentType, String supported) {
    return new ODataException(415, "UnsupportedMediaType",
        (contentType == null || contentType.isBlank()
            ? "The request has a body but no Content-Type header."
            : "The Content-Type '" + contentType + "' is not supported.")
            + " Use " + supported + ".");
  }
}
