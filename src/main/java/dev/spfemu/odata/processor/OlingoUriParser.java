package dev.spfemu.odata.processor;

import dev.spfemu.error.VmmErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.olingo.odata2.api.edm.Edm;
import org.apache.olingo.odata2.api.exception.ODataMessageException;
import org.apache.olingo.odata2.api.uri.PathSegment;
import org.apache.olingo.odata2.api.uri.UriInfo;
import org.apache.olingo.odata2.api.uri.UriNotMatchingException;
import org.apache.olingo.odata2.core.exception.MessageService;
import org.apache.olingo.odata2.core.uri.UriInfoImpl;
import org.apache.olingo.odata2.core.uri.UriParserImpl;

/**
 * The one class that uses Olingo's core (implementation) classes instead of its API, for three
 * things the API does not offer: the URI parser without a reflective {@code RuntimeDelegate} look-up
 * per request, the kind of resource a parse found ({@code UriType}, which {@link UriInfo} does not
 * expose), and the English text of Olingo's messages. It hands back API types only, and turns
 * Olingo's exceptions into OData errors: a name that matches nothing is a 404 in the path but a 400
 * in a query option ({@code $select=Foo}), any other failure a 400.
 */
final class OlingoUriParser {

  private final Edm edm;

  OlingoUriParser(Edm edm) {
    this.edm = edm;
    // Olingo keeps its message bundles in an unsynchronised static cache: fill it before any request can.
    MessageService.getMessage(Locale.ENGLISH, "warm-up");
  }

  /**
   * What Olingo found.
   *
   * @param kind the kind of resource the path addresses
   * @param uri Olingo's parse of the path and options
   */
  record Parsed(ResourceTarget.Kind kind, UriInfo uri) {
  }

  /** Olingo's parse of percent-encoded path {@code segments} and decoded {@code options}. */
  Parsed parse(List<String> segments, Map<String, List<String>> options) {
    List<PathSegment> path = new ArrayList<>(segments.size());
    for (String segment : segments) {
      path.add(new Segment(segment));
    }
    UriInfoImpl uri;
    try {
      // a parser holds the state of one parse, so each parse gets its own
      uri = (UriInfoImpl) new UriParserImpl(edm).parseAll(path, options);
    } catch (UriNotMatchingException e) {
      if (!options.isEmpty() && pathAloneParses(path)) {
        throw VmmErrors.invalidQuery(message(e));
      }
      throw VmmErrors.notFound(message(e));
    } catch (ODataMessageException e) {
      // UriSyntaxException and EdmException: the URI is malformed or does not fit the model
      throw VmmErrors.invalidUri(message(e));
    } catch (StackOverflowError e) {
      // Olingo's expression parser is recursive; RequestLimits refuses deep nesting before it runs,
      // and this is the net below that, for whatever nests in a way the count does not see
      throw VmmErrors.invalidQuery("The URI's query options nest too deeply to be parsed. Simplify $filter or"
          + " $orderby (fewer parentheses and operators inside each other).");
    } catch (RuntimeException e) {
      // Olingo's parser fails on some malformed expressions ("$filter=--", "$orderby=,") with a
      // NullPointerException instead of a syntax error: they are the client's mistake all the same
      throw VmmErrors.invalidQuery("The URI's query options cannot be parsed: check the syntax of $filter,"
          + " $orderby, $select and $expand (Olingo's parser failed with " + e.getClass().getSimpleName() + ").");
    }
    return new Parsed(kind(uri), uri);
  }

  private static ResourceTarget.Kind kind(UriInfoImpl uri) {
    switch (uri.getUriType()) {
      case URI0:
        return ResourceTarget.Kind.SERVICE_DOCUMENT;
      case URI8:
        return ResourceTarget.Kind.METADATA;
      case URI9:
        return ResourceTarget.Kind.BATCH;
      case URI1:
        return ResourceTarget.Kind.ENTITY_SET;
      case URI15:
        return ResourceTarget.Kind.COUNT;
      case URI2:
      case URI6A: // a to-one navigation, or a key after a to-many one
        return ResourceTarget.Kind.ENTITY;
      case URI6B: // a to-many navigation
        return ResourceTarget.Kind.ENTITY_SET;
      case URI7A:
      case URI7B:
        return ResourceTarget.Kind.LINKS;
      case URI50B: // $links/Nav/$count: as many as the navigation collection holds
        return ResourceTarget.Kind.COUNT;
      case URI5:
        return uri.isValue() ? ResourceTarget.Kind.PROPERTY_VALUE : ResourceTarget.Kind.PROPERTY;
      default:
        return ResourceTarget.Kind.OTHER;
    }
  }

  private boolean pathAloneParses(List<PathSegment> path) {
    try {
      new UriParserImpl(edm).parseAll(path, Map.of());
      return true;
    } catch (ODataMessageException e) {
      return false;
    }
  }

  /** The English text of an Olingo exception's message, or its key when the text cannot be formatted. */
  static String message(ODataMessageException e) {
    try {
      return MessageService.getMessage(Locale.ENGLISH, e.getMessageReference()).getText();
    } catch (RuntimeException unavailable) {
      return e.getMessageReference() == null ? "The URI is not valid." : e.getMessageReference().getKey();
    }
  }

  /** A path segment without matrix parameters, which OData does not use. */
  private record Segment(String path) implements PathSegment {
    @Override
    public String getPath() {
      return path;
    }

    @Override
    public Map<String, List<String>> getMatrixParameters() {
      return Map.of();
    }
  }
}
