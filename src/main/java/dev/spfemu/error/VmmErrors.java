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

  public static ServiceException malformedPayload(String format, String detail) {
    return new ServiceException(400, "MalformedPayload",
        "The request body is not a valid " + format + " payload: " + detail);
  }

  public static ServiceException missingRequiredProperty(String property, String typeName) {
    return new ServiceException(400, "MissingRequiredProperty",
        "The property '" + property + "' is required to create a " + typeName
            + "; add it to the request body.");
  }

  public static ServiceException unknownProperty(String property, String typeName) {
    return new ServiceException(400, "UnknownProperty",
        "The property '" + property + "' does not exist on type '" + typeName
            + "'. Make sure to only use property names that are defined by the type.");
  }

  public static ServiceException duplicateProperty(String property) {
    return new ServiceException(400, "DuplicateProperty",
        "The property '" + property + "' appears more than once in the request body.");
  }

  public static ServiceException invalidPropertyValue(String property, String edmType, String detail) {
    return new ServiceException(400, "InvalidPropertyValue",
        "The value of property '" + property + "' is not a valid " + edmType + ": " + detail);
  }

  public static ServiceException nullNotAllowed(String property, String typeName) {
    return new ServiceException(400, "NullValueNotAllowed",
        "The property '" + property + "' of type '" + typeName + "' cannot be null.");
  }

  public static ServiceException typeMismatch(String sent, String expected) {
    return new ServiceException(400, "TypeMismatch",
        "The request body names the type '" + sent + "', but this entity set holds '" + expected
            + "'. Send odata.type '" + expected + "' or leave it out.");
  }

  public static ServiceException keyMismatch(String property, String urlKey) {
    return new ServiceException(400, "KeyMismatch",
        "The body's '" + property + "' differs from the key in the URL " + urlKey
            + ". Keys cannot change; send the entity's own key or leave it out.");
  }

  /**
   * An update whose body carries related entities in a navigation property. WCF Data Services
   * refuses deep updates with this message (its {@code BadRequest_DeepUpdateNotSupported}); null and
   * empty collections, which whole-model clients send, are not refused.
   */
  public static ServiceException deepUpdateNotSupported(String navigation, String targetSet) {
    return new ServiceException(400, "DeepUpdateNotSupported",
        "Error processing request stream. Deep updates are not supported in PUT or MERGE operations: the"
            + " navigation property '" + navigation + "' holds related entities. Send it as null or [] (or leave"
            + " it out), and change those entities through " + targetSet + ".");
  }

  public static ServiceException noConcurrencyToken(String ifMatch) {
    return new ServiceException(400, "NoConcurrencyToken",
        "The If-Match value '" + ifMatch + "' cannot match: VMM entities have no ETag. Send If-Match: *"
            + " or no If-Match header.");
  }

  public static ServiceException invalidTunnelledMethod(String method) {
    return new ServiceException(400, "InvalidMethodTunnel",
        "X-HTTP-Method '" + method + "' is not a method that can be tunnelled through POST. Use MERGE,"
            + " PATCH, PUT or DELETE.");
  }

  public static ServiceException invalidQuery(String detail) {
    return new ServiceException(400, "InvalidQuery", detail);
  }

  public static ServiceException versionTooLow(String feature, String needed, String max) {
    return new ServiceException(400, "VersionTooLow",
        feature + " needs OData version " + needed + ", but the request's MaxDataServiceVersion is " + max
            + ". Send MaxDataServiceVersion: " + needed + " or higher.");
  }

  /**
   * A create through a root that sees every subscription, where nothing in the request says which
   * subscription the new entity belongs to.
   */
  public static ServiceException subscriptionUnknown(String typeName, String why, String whatToSend) {
    return new ServiceException(400, "SubscriptionUnknown",
        "Cannot tell which subscription the new " + typeName + " belongs to on this root, which sees every"
            + " subscription: " + why + ". Send " + whatToSend + ".");
  }

  /** A VMM operation the object's state does not allow (VMM refuses it; SPF reports a validation error). */
  public static ServiceException invalidVmOperation(String detail) {
    return new ServiceException(400, "InvalidOperationForState", detail);
  }

  public static ServiceException invalidUri(String detail) {
    return new ServiceException(400, "InvalidUri", detail);
  }

  public static ServiceException invalidVersionHeader(String header, String value) {
    return new ServiceException(400, "InvalidDataServiceVersion",
        "The " + header + " header value '" + value + "' is not valid. Use 1.0, 2.0 or 3.0,"
            + " optionally followed by ';NetFx'.");
  }

  public static ServiceException unsupportedVersion(String header, String value) {
    return new ServiceException(400, "UnsupportedDataServiceVersion",
        "The " + header + " '" + value + "' is not supported. The only supported versions are"
            + " '1.0', '2.0' and '3.0'.");
  }

  public static ServiceException contradictoryVersions(String min, String max) {
    return new ServiceException(400, "InvalidDataServiceVersion",
        "MinDataServiceVersion " + min + " is above MaxDataServiceVersion " + max
            + "; no response version can satisfy both.");
  }

  public static ServiceException invalidFormatOption(String value) {
    return new ServiceException(400, "InvalidFormatOption",
        "The $format value '" + value + "' is not supported. Use json, atom, xml or a media type"
            + " such as application/json;odata=minimalmetadata.");
  }

  public static ServiceException unsupportedResource(String resource) {
    return new ServiceException(400, "UnsupportedResource",
        "Requests for '" + resource + "' are not supported by the emulator; address entity sets, entities,"
            + " their properties, navigation properties and links.");
  }

  /** A request the HTTP layer refused before it reached the service (status as the HTTP layer chose it). */
  public static ServiceException malformedRequest(int status, String reason) {
    String detail = reason == null || reason.isBlank() ? "" : " (" + reason + ")";
    return new ServiceException(status, "MalformedRequest", "The HTTP request is malformed" + detail
        + ". Check the URL's percent-encoding, the path and the size of the headers.");
  }

  /** A request whose body did not arrive in time (the body or idle timeout, docs/operations.md); {@code reason} says which. */
  public static ServiceException requestTimeout(String reason) {
    return new ServiceException(408, "RequestTimeout", reason);
  }

  // 404 ----------------------------------------------------------------------------------------

  /** A path naming an entity set the service does not have (or does not show this caller), as Olingo words it. */
  public static ServiceException unknownEntitySet(String name) {
    return notFound("Could not find an entity set or function import for '" + name + "'.");
  }

  public static ServiceException notFound(String message) {
    return new ServiceException(404, "ResourceNotFound", message);
  }

  public static ServiceException entityNotFound(String entitySet, String keyPredicate) {
    return new ServiceException(404, "ResourceNotFound",
        "Resource not found for the segment '" + entitySet + keyPredicate + "'.");
  }

  /**
   * A reference to an entity that does not exist. 404, as the WAP Service Management API reports a
   * missing resource "or a dependency".
   */
  public static ServiceException referenceNotFound(String property, Object value, String entitySet, Object stamp) {
    return new ServiceException(404, "ReferencedEntityNotFound",
        "The " + property + " '" + value + "' does not name an entity of " + entitySet + " in this subscription"
            + (stamp == null ? "" : " on stamp '" + stamp + "'") + ". Create it first (POST " + entitySet
            + ") or use the ID of an existing one.");
  }

  /** A navigation segment that leads to no entity: a null to-one, or a key that names no related entity. */
  public static ServiceException navigationTargetNotFound(String segment) {
    return new ServiceException(404, "ResourceNotFound", "Resource not found for the segment '" + segment + "'.");
  }

  public static ServiceException notAServiceRoot(String path) {
    return new ServiceException(404, "ResourceNotFound",
        "No SPF VMM service at '" + path + "'. The service roots are"
            + " /{subscription-id}/services/systemcenter/vmm/, /SC2012R2/VMM/{subscription-id}/Microsoft.Management.Odata.svc/,"
            + " /SC2012R2/VMM/Microsoft.Management.Odata.svc/ and"
            + " /services/systemcenter/SC2012R2/VMM/Microsoft.Management.Odata.svc/, where {subscription-id} is a GUID.");
  }

  // 405 / 406 / 409 / 413 / 415 ------------------------------------------------------------------

  public static ServiceException methodNotAllowed(String method, String resource, Collection<String> allowed) {
    return new ServiceException(405, "MethodNotAllowed",
        "The method '" + method + "' is not allowed on '" + resource + "'. Allowed: "
            + String.join(", ", allowed) + ".", Map.of("Allow", String.join(", ", allowed)));
  }

  /**
   * A change through a navigation path or a link. The emulator serves them read-only: relations are
   * the foreign-key properties (an adapter's {@code VMId}), which are changed on the entities.
   */
  public static ServiceException navigationReadOnly(String method, String resource, String foreignKey) {
    return new ServiceException(405, "MethodNotAllowed",
        "The method '" + method + "' is not allowed on '" + resource + "': navigation properties and links are"
            + " read-only in the emulator. Relate entities through their properties (" + foreignKey
            + ") with POST, PUT or MERGE on the entity set.", Map.of("Allow", "GET"));
  }

  public static ServiceException notAcceptable(String detail) {
    return new ServiceException(406, "NotAcceptable", detail);
  }

  public static ServiceException entityExists(String entitySet, String keyPredicate) {
    return new ServiceException(409, "EntityAlreadyExists",
        "An entity with the key " + keyPredicate + " already exists in " + entitySet
            + ". Send the all-zero ID to let the server assign one.");
  }

  /**
   * A request beyond one of the emulator's limits (docs/operations.md, "Limits"): says what the
   * limit is, what the request had, and the option that raises it.
   */
  public static ServiceException limitExceeded(String what, long limit, String actual, String option) {
    return new ServiceException(400, "LimitExceeded", what + " is limited to " + limit + ", but the request has "
        + actual + ". Send less, or start the emulator with a higher " + option + ".");
  }

  public static ServiceException payloadTooLarge(long limit) {
    return new ServiceException(413, "PayloadTooLarge",
        "The request body is larger than the limit of " + limit + " bytes.");
  }

  public static ServiceException unsupportedMediaType(String contentType, String supported) {
    return new ServiceException(415, "UnsupportedMediaType",
        (contentType == null || contentType.isBlank()
            ? "The request has a body but no Content-Type header."
            : "The Content-Type '" + contentType + "' is not supported.")
            + " Use " + supported + ".");
  }
}
