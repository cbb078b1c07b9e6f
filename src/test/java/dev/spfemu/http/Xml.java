package dev.spfemu.http;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * A namespace-aware XML document for assertions: XPath with the prefixes the OData formats use
 * ({@code a} Atom, {@code app} AtomPub, {@code d} data, {@code m} metadata), so a test checks
 * that an element or attribute is in the right namespace, not only that it has the right name.
 */
final class Xml {

  static final Map<String, String> NAMESPACES = Map.of(
      "a", "http://www.w3.org/2005/Atom",
      "app", "http://www.w3.org/2007/app",
      "d", "http://schemas.microsoft.com/ado/2007/08/dataservices",
      "m", "http://schemas.microsoft.com/ado/2007/08/dataservices/metadata");

  private final Document document;
  private final XPath xpath;

  private Xml(Document document) {
    this.document = document;
    this.xpath = XPathFactory.newInstance().newXPath();
    xpath.setNamespaceContext(new NamespaceContext() {
      @Override
      public String getNamespaceURI(String prefix) {
        return XMLConstants.XML_NS_PREFIX.equals(prefix) ? XMLConstants.XML_NS_URI
            : NAMESPACES.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
      }

      @Override
      public String getPrefix(String namespaceUri) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Iterator<String> getPrefixes(String namespaceUri) {
        throw new UnsupportedOperationException();
      }
    });
  }

  static Xml parse(String text) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return new Xml(factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML: " + text, e);
    }
  }

  /** The string value of {@code expression} ("" when it selects nothing). */
  String string(String expression) {
    try {
      return xpath.evaluate(expression, document);
    } catch (XPathExpressionException e) {
      throw new IllegalArgumentException(expression, e);
    }
  }

  /** How many nodes {@code expression} selects. */
  int count(String expression) {
    return nodes(expression).getLength();
  }

  /** The string values of the nodes {@code expression} selects, in document order. */
  List<String> strings(String expression) {
    NodeList nodes = nodes(expression);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      values.add(nodes.item(i).getTextContent());
    }
    return values;
  }

  private NodeList nodes(String expression) {
    try {
      return (NodeList) xpath.evaluate(expression, document, XPathConstants.NODESET);
    } catch (XPathExpressionException e) {
      throw new IllegalArgumentException(expression, e);
    }
  }
}
