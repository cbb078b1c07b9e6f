package dev.spfemu.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one page of an Atom feed (for a service that answers nothing else) with a streaming StAX
 * parser, turning each entry's {@code m:properties} into the JSON light form of its values:
 * {@code Edm.Boolean} and the small integers as JSON booleans and numbers, every other primitive
 * as its text (as JSON light writes {@code Edm.Int64}, {@code Edm.Decimal}, GUIDs and dates),
 * complex values as objects and collections as arrays.
 */
final class AtomFeed {

  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String METADATA = "http://schemas.microsoft.com/ado/2007/08/dataservices/metadata";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AtomFeed() {
  }

  /** Reads a page into {@code sink}; returns its next link ({@code <link rel="next">}), or null. */
  static String readPage(InputStream body, FeedReader.EntitySink sink) throws IOException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try {
      XMLStreamReader r = factory.createXMLStreamReader(body);
      String next = null;
      int depth = 0;
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
        } else if (event == XMLStreamConstants.START_ELEMENT) {
          depth++;
          if (depth == 1 && !(ATOM.equals(r.getNamespaceURI()) && r.getLocalName().equals("feed"))) {
            throw new IOException("not an Atom feed");
          }
          if (depth == 2 && r.getLocalName().equals("link") && "next".equals(r.getAttributeValue(null, "rel"))) {
            next = r.getAttributeValue(null, "href");
          } else if (METADATA.equals(r.getNamespaceURI()) && r.getLocalName().equals("properties")) {
            sink.accept(properties(r));
            depth--; // properties() consumed its end tag
          }
        }
      }
      return next;
    } catch (XMLStreamException e) {
      throw new IOException("not a well-formed Atom feed: " + e.getMessage(), e);
    }
  }

  /** The properties of {@code <m:properties>}, the reader on its start tag; ends on its end tag. */
  private static ObjectNode properties(XMLStreamReader r) throws XMLStreamException {
    ObjectNode entity = NODES.objectNode();
    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
      String name = r.getLocalName();
      entity.set(name, value(r));
    }
    return entity;
  }

  /** One property's value, the reader on its start tag; ends on its end tag. */
  private static JsonNode value(XMLStreamReader r) throws XMLStreamException {
    String type = r.getAttributeValue(METADATA, "type");
    boolean isNull = "true".equals(r.getAttributeValue(METADATA, "null"));
    boolean collection = type != null && type.startsWith("Collection(");
    StringBuilder text = new StringBuilder();
    ObjectNode object = null;
    ArrayNode array = collection ? NODES.arrayNode() : null;
    while (true) {
      int event = r.next();
      if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
          || event == XMLStreamConstants.SPACE) {
        text.append(r.getText());
      } else if (event == XMLStreamConstants.START_ELEMENT) {
        String child = r.getLocalName();
        JsonNode item = value(r);
        if (array != null || child.equals("element")) {
          array = array == null ? NODES.arrayNode() : array;
          array.add(item);
        } else {
          object = object == null ? NODES.objectNode() : object;
          object.set(child, item);
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        break;
      }
    }
    if (isNull) {
      return NODES.nullNode();
    }
    if (array != null) {
      return array;
    }
    if (object != null) {
      return object;
    }
    return scalar(type, text.toString());
  }

  private static JsonNode scalar(String type, String text) {
    if (type == null) {
      return NODES.textNode(text);
    }
    switch (type) {
      case "Edm.Boolean":
        return NODES.booleanNode(Boolean.parseBoolean(text.strip()));
      case "Edm.Byte", "Edm.SByte", "Edm.Int16", "Edm.Int32":
        return NODES.numberNode(Integer.parseInt(text.strip()));
      default:
        return NODES.textNode(text);
    }
  }
}
