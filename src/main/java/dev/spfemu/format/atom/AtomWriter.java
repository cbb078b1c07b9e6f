package dev.spfemu.format.atom;

import dev.spfemu.error.ServiceException;
import dev.spfemu.format.FeedPage;
import dev.spfemu.format.PayloadWriter;
import dev.spfemu.format.Projection;
import dev.spfemu.format.ServiceUrls;
import dev.spfemu.format.codec.PrimitiveCodecs;
import dev.spfemu.model.ComplexValue;
import dev.spfemu.model.EdmKind;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.EntityValues;
import dev.spfemu.model.PropertyModel;
import dev.spfemu.model.ServiceModel;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes Atom entries and feeds, the AtomPub service document and XML errors, streaming with
 * StAX, in the shape WCF Data Services writes and the .NET 4 client requires: {@code xml:base} on
 * the root, an {@code <id>} and a {@code <link rel="edit">} on every entry, the
 * {@code <category>} naming the type, and typed {@code d:} properties with {@code m:null} for nulls.
 */
public final class AtomWriter implements PayloadWriter {

  private final XMLOutputFactory factory;
  private final Clock clock;

  public AtomWriter(XMLOutputFactory factory, Clock clock) {
    this.factory = factory;
    this.clock = clock;
  }

  @Override
  public void writeEntry(OutputStream out, ServiceUrls urls, EntityTypeModel type, EntityValues entity,
      Projection projection) throws IOException {
    try {
      XMLStreamWriter w = start(out);
      w.writeStartElement("entry");
      writeRootNamespaces(w, urls);
      writeEntryBody(w, urls, type, entity, projection, updated());
      w.writeEndElement();
      end(w);
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  @Override
  public void writeFeed(OutputStream out, ServiceUrls urls, EntityTypeModel type, FeedPage page)
      throws IOException {
    try {
      String updated = updated();
      XMLStreamWriter w = start(out);
      w.writeStartElement("feed");
      writeRootNamespaces(w, urls);
      element(w, "id", urls.serviceRoot() + type.entitySet());
      w.writeStartElement("title");
      w.writeAttribute("type", "text");
      w.writeCharacters(type.entitySet());
      w.writeEndElement();
      element(w, "updated", updated);
      w.writeEmptyElement("link");
      w.writeAttribute("rel", "self");
      w.writeAttribute("title", type.entitySet());
      w.writeAttribute("href", type.entitySet());
      if (page.count() != null) {
        element(w, "m", "count", page.count().toString());
      }
      for (EntityValues entity : page.entities()) {
        w.writeStartElement("entry");
        writeEntryBody(w, urls, type, entity, page.projection(), updated);
        w.writeEndElement();
      }
      if (page.nextLink() != null) {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", "next");
        w.writeAttribute("href", page.nextLink());
      }
      w.writeEndElement();
      end(w);
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  private static void writeEntryBody(XMLStreamWriter w, ServiceUrls urls, EntityTypeModel type, EntityValues entity,
      Projection projection, String updated) throws XMLStreamException {
    String path = ServiceUrls.entityPath(type, entity);
    element(w, "id", urls.serviceRoot() + path);
    w.writeEmptyElement("category");
    w.writeAttribute("term", type.qualifiedName());
    w.writeAttribute("scheme", AtomNames.SCHEME);
    w.writeEmptyElement("link");
    w.writeAttribute("rel", "edit");
    w.writeAttribute("title", type.name());
    w.writeAttribute("href", path);
    w.writeEmptyElement("title");
    element(w, "updated", updated);
    w.writeStartElement("author");
    w.writeEmptyElement("name");
    w.writeEndElement();
    w.writeStartElement("content");
    w.writeAttribute("type", "application/xml");
    w.writeStartElement("m", "properties", AtomNames.METADATA);
    for (PropertyModel property : type.properties()) {
      if (projection.includes(property)) {
        writeValue(w, property, entity.value(property.index()));
      }
    }
    w.writeEndElement();
    w.writeEndElement();
  }

  /**
   * {@code <d:Name m:type="…">value</d:Name>}, or with {@code m:null="true"}; strings carry no m:type.
   * A complex value holds its members as {@code d:} elements, a collection its items as
   * {@code <d:element>}, as WCF Data Services writes them.
   */
  private static void writeValue(XMLStreamWriter w, PropertyModel property, Object value) throws XMLStreamException {
    writeElement(w, property.name(), property, value, property.collection(), false);
  }

  /** @param root whether this is the document element, which declares the namespaces */
  private static void writeElement(XMLStreamWriter w, String name, PropertyModel property, Object value,
      boolean asCollection, boolean root) throws XMLStreamException {
    String typeName = asCollection ? property.typeName()
        : property.complex() != null ? property.complex().qualifiedName() : property.kind().qualifiedName();
    boolean typed = asCollection || property.complex() != null || property.kind() != EdmKind.STRING;
    if (value == null) {
      w.writeEmptyElement("d", name, AtomNames.DATA);
    } else {
      w.writeStartElement("d", name, AtomNames.DATA);
    }
    if (root) {
      w.writeNamespace("d", AtomNames.DATA);
      w.writeNamespace("m", AtomNames.METADATA);
    }
    if (typed) {
      w.writeAttribute("m", AtomNames.METADATA, "type", typeName);
    }
    if (value == null) {
      w.writeAttribute("m", AtomNames.METADATA, "null", "true");
      return;
    }
    if (asCollection) {
      for (Object element : (List<?>) value) {
        writeElement(w, "element", property, element, false, false);
      }
    } else if (property.complex() != null) {
      ComplexValue complex = (ComplexValue) value;
      for (PropertyModel member : property.complex().properties()) {
        writeValue(w, member, complex.value(member.index()));
      }
    } else {
      w.writeCharacters(PrimitiveCodecs.of(property.kind()).toText(value));
    }
    w.writeEndElement();
  }

  @Override
  public void writeProperty(OutputStream out, ServiceUrls urls, PropertyModel property, Object value)
      throws IOException {
    try {
      XMLStreamWriter w = start(out);
      writeElement(w, property.name(), property, value, property.collection(), true);
      end(w);
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  @Override
  public void writeServiceDocument(OutputStream out, ServiceUrls urls, ServiceModel model) throws IOException {
    try {
      XMLStreamWriter w = start(out);
      w.setDefaultNamespace(AtomNames.APP);
      w.writeStartElement("service");
      w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "base", urls.serviceRoot());
      w.writeDefaultNamespace(AtomNames.APP);
      w.writeNamespace("atom", AtomNames.ATOM);
      w.writeStartElement("workspace");
      w.writeStartElement("atom", "title", AtomNames.ATOM);
      w.writeCharacters("Default");
      w.writeEndElement();
      for (EntityTypeModel type : model.entityTypes()) {
        w.writeStartElement("collection");
        w.writeAttribute("href", type.entitySet());
        w.writeStartElement("atom", "title", AtomNames.ATOM);
        w.writeCharacters(type.entitySet());
        w.writeEndElement();
        w.writeEndElement();
      }
      w.writeEndElement();
      w.writeEndElement();
      end(w);
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  @Override
  public void writeError(OutputStream out, ServiceException error) throws IOException {
    try {
      XMLStreamWriter w = factory.createXMLStreamWriter(out, "utf-8");
      w.writeStartDocument("utf-8", "1.0");
      w.writeStartElement("m", "error", AtomNames.METADATA);
      w.writeNamespace("m", AtomNames.METADATA);
      element(w, "m", "code", error.code());
      w.writeStartElement("m", "message", AtomNames.METADATA);
      w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "en-US");
      w.writeCharacters(error.getMessage());
      w.writeEndElement();
      w.writeEndElement();
      end(w);
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  private XMLStreamWriter start(OutputStream out) throws XMLStreamException {
    XMLStreamWriter w = factory.createXMLStreamWriter(out, "utf-8");
    w.writeStartDocument("utf-8", "1.0");
    w.setDefaultNamespace(AtomNames.ATOM);
    w.setPrefix("d", AtomNames.DATA);
    w.setPrefix("m", AtomNames.METADATA);
    return w;
  }

  private static void writeRootNamespaces(XMLStreamWriter w, ServiceUrls urls) throws XMLStreamException {
    w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "base", urls.serviceRoot());
    w.writeDefaultNamespace(AtomNames.ATOM);
    w.writeNamespace("d", AtomNames.DATA);
    w.writeNamespace("m", AtomNames.METADATA);
  }

  private static void end(XMLStreamWriter w) throws XMLStreamException {
    w.writeEndDocument();
    w.flush();
    w.close();
  }

  private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
    w.writeStartElement(name);
    w.writeCharacters(text);
    w.writeEndElement();
  }

  private static void element(XMLStreamWriter w, String prefix, String name, String text) throws XMLStreamException {
    w.writeStartElement(prefix, name, AtomNames.METADATA);
    w.writeCharacters(text);
    w.writeEndElement();
  }

  private String updated() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
