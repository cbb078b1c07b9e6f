package dev.spfemu.format.atom;

import dev.spfemu.error.ServiceException;
import dev.spfemu.format.Entry;
import dev.spfemu.format.FeedPage;
import dev.spfemu.format.PayloadWriter;
import dev.spfemu.format.ProtocolVersion;
import dev.spfemu.format.ServiceUrls;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.EntityValues;
import dev.spfemu.model.NavigationModel;
import dev.spfemu.model.PropertyModel;
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
 * Writes Atom entries and feeds, the AtomPub service document, links and XML errors, streaming
 * with StAX, in the shape WCF Data Services writes and the .NET 4 client requires: {@code xml:base}
 * on the root, entries as {@link AtomEntries} writes them, and typed {@code d:} properties with
 * {@code m:null} for nulls ({@link AtomValues}).
 */
public final class AtomWriter implements PayloadWriter {

  private final XMLOutputFactory factory;
  private final Clock clock;

  public AtomWriter(XMLOutputFactory factory, Clock clock) {
    this.factory = factory;
    this.clock = clock;
  }

  @Override
  public void writeEntry(OutputStream out, ServiceUrls urls, EntityTypeModel type, Entry entry) throws IOException {
    try {
      XMLStreamWriter w = start(out);
      w.writeStartElement("entry");
      writeRootNamespaces(w, urls);
      new AtomEntries(urls, entry.related(), updated(), entry.version().atLeast(ProtocolVersion.V3)).writeEntryBody(w, type, entry.entity(), entry.projection());
      w.writeEndElement();
      end(w);
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  /**
   * A feed: its {@code <id>} is the absolute URL of its path and its self link the last segment of
   * it (the entity set, or the navigation property), as WCF Data Services writes them.
   */
  @Override
  public void writeFeed(OutputStream out, ServiceUrls urls, EntityTypeModel type, FeedPage page)
      throws IOException {
    try {
      AtomEntries entries = new AtomEntries(urls, page.related(), updated(), page.version().atLeast(ProtocolVersion.V3));
      XMLStreamWriter w = start(out);
      w.writeStartElement("feed");
      writeRootNamespaces(w, urls);
      entries.writeFeedHead(w, urls.serviceRoot() + page.path(), page.title(), page.title());
      if (page.count() != null) {
        element(w, "m", "count", page.count().toString());
      }
      for (EntityValues entity : page.entities()) {
        entries.writeEntry(w, type, entity, page.projection());
      }
      writeNextLink(w, page);
      w.writeEndElement();
      end(w);
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  /**
   * {@code <links xmlns="…/dataservices"><uri>…</uri></links>} (with {@code <m:count>} and a
   * {@code <next>} link when asked and paged), or one {@code <uri>} for a single link: the XML form
   * of links, which has no Atom variant.
   */
  @Override
  public void writeLinks(OutputStream out, ServiceUrls urls, NavigationModel navigation, FeedPage page,
      boolean single) throws IOException {
    EntityTypeModel target = navigation.target();
    try {
      XMLStreamWriter w = factory.createXMLStreamWriter(out, "utf-8");
      w.writeStartDocument("utf-8", "1.0");
      w.setDefaultNamespace(AtomNames.DATA);
      if (single) {
        w.writeStartElement("uri");
        w.writeDefaultNamespace(AtomNames.DATA);
        w.writeCharacters(urls.entityUrl(target, page.entities().get(0)));
        w.writeEndElement();
        end(w);
        return;
      }
      w.setPrefix("m", AtomNames.METADATA);
      w.writeStartElement("links");
      w.writeDefaultNamespace(AtomNames.DATA);
      w.writeNamespace("m", AtomNames.METADATA);
      if (page.count() != null) {
        element(w, "m", "count", page.count().toString());
      }
      for (EntityValues entity : page.entities()) {
        AtomEntries.element(w, "uri", urls.entityUrl(target, entity));
      }
      if (page.nextLink() != null) {
        AtomEntries.element(w, "next", page.nextLink());
      }
      w.writeEndElement();
      end(w);
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  private static void writeNextLink(XMLStreamWriter w, FeedPage page) throws XMLStreamException {
    if (page.nextLink() != null) {
      w.writeEmptyElement("link");
      w.writeAttribute("rel", "next");
      w.writeAttribute("href", page.nextLink());
    }
  }

  @Override
  public void writeProperty(OutputStream out, ServiceUrls urls, PropertyModel property, Object value)
      throws IOException {
    try {
      XMLStreamWriter w = start(out);
      AtomValues.writeElement(w, property.name(), property, value, property.collection(), true);
      end(w);
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  @Override
  public void writeServiceDocument(OutputStream out, ServiceUrls urls, List<EntityTypeModel> sets)
      throws IOException {
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
      for (EntityTypeModel type : sets) {
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

  private static void element(XMLStreamWriter w, String prefix, String name, String text) throws XMLStreamException {
    w.writeStartElement(prefix, name, AtomNames.METADATA);
    w.writeCharacters(text);
    w.writeEndElement();
  }

  private String updated() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
