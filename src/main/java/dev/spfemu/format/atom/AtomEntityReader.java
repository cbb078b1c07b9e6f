package dev.spfemu.format.atom;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.format.EntityReader;
import dev.spfemu.format.codec.PrimitiveCodecs;
import dev.spfemu.format.codec.ValueFormatException;
import dev.spfemu.model.ComplexTypeModel;
import dev.spfemu.model.ComplexValue;
import dev.spfemu.model.EntityPayload;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.PropertyModel;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an Atom {@code <entry>} request body with StAX: the {@code <category>} term (the type),
 * and the {@code d:} properties of {@code <m:properties>}, inside {@code <content>} or directly in
 * the entry, and navigation properties from the {@code <link>} elements ({@link AtomLinks}).
 * Everything else (id, title, author, edit links) is the client's bookkeeping and is skipped.
 * The {@code m:type} attribute is not trusted: the model's type decides how a value is read.
 */
public final class AtomEntityReader implements EntityReader {

  private static final String FORMAT = "Atom XML";

  private final XMLInputFactory factory;

  /** @param factory a factory configured against DTDs and external entities (see {@link #secureFactory()}) */
  public AtomEntityReader(XMLInputFactory factory) {
    this.factory = factory;
  }

  /** An input factory that refuses DTDs and external entities, so a body cannot reach the file system. */
  public static XMLInputFactory secureFactory() {
    XMLInputFactory factory = XMLInputFactory.newInstance();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory;
  }

  @Override
  public EntityPayload read(byte[] body, EntityTypeModel type) {
    try {
      XMLStreamReader r = factory.createXMLStreamReader(new ByteArrayInputStream(body));
      try {
        nextElement(r);
        if (!AtomNames.ATOM.equals(r.getNamespaceURI()) || !"entry".equals(r.getLocalName())) {
          throw VmmErrors.malformedPayload(FORMAT, "the body must be an Atom <entry> element in the"
              + " namespace " + AtomNames.ATOM + ", not <" + r.getLocalName() + ">");
        }
        EntityPayload payload = readEntry(r, type);
        while (r.hasNext()) {
          r.next();
        }
        return payload;
      } finally {
        r.close();
      }
    } catch (XMLStreamException e) {
      String detail = e.getMessage() == null ? "not well-formed XML" : e.getMessage().replaceAll("\\s+", " ");
      throw VmmErrors.malformedPayload(FORMAT, detail);
    }
  }

  private static EntityPayload readEntry(XMLStreamReader r, EntityTypeModel type) throws XMLStreamException {
    EntityPayload payload = new EntityPayload(type);
    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
      String ns = r.getNamespaceURI();
      String name = r.getLocalName();
      if (AtomNames.ATOM.equals(ns) && name.equals("category")) {
        checkCategory(r, type);
        skip(r);
      } else if (AtomNames.ATOM.equals(ns) && name.equals("content")) {
        readContent(r, type, payload);
      } else if (AtomNames.METADATA.equals(ns) && name.equals("properties")) {
        readProperties(r, type, payload);
      } else if (AtomNames.ATOM.equals(ns) && name.equals("link")) {
        AtomLinks.read(r, type, payload);
      } else {
        skip(r);
      }
    }
    return payload;
  }

  private static void checkCategory(XMLStreamReader r, EntityTypeModel type) {
    String scheme = r.getAttributeValue(null, "scheme");
    String term = r.getAttributeValue(null, "term");
    if (AtomNames.SCHEME.equals(scheme) && term != null && !term.equals(type.qualifiedName())) {
      throw VmmErrors.typeMismatch(term, type.qualifiedName());
    }
  }

  private static void readContent(XMLStreamReader r, EntityTypeModel type, EntityPayload payload)
      throws XMLStreamException {
    while (true) {
      int event = r.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        return;
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        if (AtomNames.METADATA.equals(r.getNamespaceURI()) && r.getLocalName().equals("properties")) {
          readProperties(r, type, payload);
        } else {
          skip(r);
        }
      }
    }
  }

  private static void readProperties(XMLStreamReader r, EntityTypeModel type, EntityPayload payload)
      throws XMLStreamException {
    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
      String name = r.getLocalName();
      if (!AtomNames.DATA.equals(r.getNamespaceURI())) {
        throw VmmErrors.malformedPayload(FORMAT, "<" + r.getPrefix() + ":" + name + "> in <m:properties>"
            + " is not in the data services namespace " + AtomNames.DATA);
      }
      PropertyModel property = type.property(name);
      if (property == null) {
        if (type.unservedPropertyType(name) != null) {
          skip(r); // a complex or collection property: declared, not served yet
          continue;
        }
        throw VmmErrors.unknownProperty(name, type.qualifiedName());
      }
      Object value = readValue(r, property, property.collection());
      if (!payload.put(property, value)) {
        throw VmmErrors.duplicateProperty(name);
      }
    }
  }

  /**
   * The value of the element the reader is on: {@code m:null}, primitive text, a complex value's
   * {@code d:} members, or a collection's {@code d:element} items. Leaves the reader on its end tag.
   */
  private static Object readValue(XMLStreamReader r, PropertyModel property, boolean asCollection)
      throws XMLStreamException {
    if ("true".equals(r.getAttributeValue(AtomNames.METADATA, "null"))) {
      skip(r);
      return null;
    }
    if (asCollection) {
      List<Object> elements = new ArrayList<>();
      while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
        elements.add(readValue(r, property, false));
      }
      return Collections.unmodifiableList(elements);
    }
    if (property.complex() != null) {
      ComplexTypeModel complex = property.complex();
      Object[] values = new Object[complex.properties().size()];
      while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
        PropertyModel member = complex.property(r.getLocalName());
        if (member == null) {
          throw VmmErrors.unknownProperty(r.getLocalName(), complex.qualifiedName());
        }
        values[member.index()] = readValue(r, member, member.collection());
      }
      return new ComplexValue(complex, values);
    }
    String text = readText(r, property.name());
    try {
      return PrimitiveCodecs.of(property.kind()).parseText(text);
    } catch (ValueFormatException e) {
      throw VmmErrors.invalidPropertyValue(property.name(), property.kind().qualifiedName(), e.getMessage());
    }
  }

  private static String readText(XMLStreamReader r, String name) throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    while (true) {
      int event = r.next();
      switch (event) {
        case XMLStreamConstants.CHARACTERS:
        case XMLStreamConstants.CDATA:
        case XMLStreamConstants.SPACE:
        case XMLStreamConstants.ENTITY_REFERENCE:
          text.append(r.getText());
          break;
        case XMLStreamConstants.END_ELEMENT:
          return text.toString();
        case XMLStreamConstants.START_ELEMENT:
          throw VmmErrors.malformedPayload(FORMAT, "the property <d:" + name + "> must hold a primitive value,"
              + " not nested elements");
        default:
          break;
      }
    }
  }

  /** Skips the current element and its children; leaves the reader on its end tag. */
  static void skip(XMLStreamReader r) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private static void nextElement(XMLStreamReader r) throws XMLStreamException {
    while (r.hasNext()) {
      if (r.next() == XMLStreamConstants.START_ELEMENT) {
        return;
      }
    }
    throw VmmErrors.malformedPayload(FORMAT, "the body holds no XML element");
  }
}
