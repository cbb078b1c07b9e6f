package dev.spfemu.format.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.spfemu.error.VmmErrors;
import dev.spfemu.model.NavigationModel;
import java.io.IOException;

/**
 * Reads past the value of a navigation property in a JSON body and tells whether it held related
 * entities.
 *
 * <p>Clients that serialise whole models send navigation properties with every body: WAPack's
 * proxies send {@code "Cloud": null} and {@code "VirtualDiskDrives": []}, dasein
 * {@code "VirtualDiskDrives": []} (CLIENTS.md D.3, D.5), and a verbose body echoed from a read has
 * {@code {"__deferred":{…}}}. None of these says anything, and WCF Data Services accepts them in
 * creates and updates (D.7 item 11). Only an entity object or a collection that is not empty is
 * related content (a deep insert), which the domain ignores in a create and refuses in an update.
 */
final class RelatedEntities {

  private static final String FORMAT = "JSON";

  private RelatedEntities() {
  }

  /**
   * Reads the value at the parser's current token, leaving the parser on its last token.
   *
   * @return whether it held related entities rather than null, an empty collection or a link
   */
  static boolean read(JsonParser parser, NavigationModel navigation) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return false;
    }
    if (token == JsonToken.START_ARRAY && navigation.many()) {
      return readArray(parser, navigation);
    }
    if (token == JsonToken.START_OBJECT) {
      return readObject(parser, navigation);
    }
    throw notRelated(navigation);
  }

  /** A collection: related entities unless empty; each element must be an object. */
  private static boolean readArray(JsonParser parser, NavigationModel navigation) throws IOException {
    boolean any = false;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        throw notRelated(navigation);
      }
      parser.skipChildren();
      any = true;
    }
    return any;
  }

  /**
   * An object: an entity when it has a property of its own; a link when it has only
   * {@code __deferred} or {@code __metadata} (a verbose binding) and annotations; a verbose
   * collection ({@code {"results":[…]}}) when it has {@code results}.
   */
  private static boolean readObject(JsonParser parser, NavigationModel navigation) throws IOException {
    boolean entities = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (name.equals("results") && value == JsonToken.START_ARRAY && navigation.many()) {
        entities |= readArray(parser, navigation);
      } else {
        entities |= !isLinkOrAnnotation(name);
        parser.skipChildren();
      }
    }
    return entities;
  }

  private static boolean isLinkOrAnnotation(String name) {
    return name.equals("__deferred") || name.equals("__metadata") || name.equals("__count")
        || name.equals("__next") || name.startsWith("odata.") || name.indexOf('@') >= 0;
  }

  private static RuntimeException notRelated(NavigationModel navigation) {
    String expected = navigation.many() ? "null or an array of " + navigation.target().qualifiedName() + " objects"
        : "null or a " + navigation.target().qualifiedName() + " object";
    return VmmErrors.malformedPayload(FORMAT, "the navigation property '" + navigation.name() + "' must be "
        + expected);
  }
}
