package dev.spfemu.format.atom;

import dev.spfemu.format.Projection;
import dev.spfemu.format.RelatedEntities;
import dev.spfemu.format.ServiceUrls;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.EntityValues;
import dev.spfemu.model.NavigationModel;
import dev.spfemu.model.PropertyModel;
import dev.spfemu.model.StreamModel;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The inside of Atom entries and feeds, in the shape WCF Data Services 5 writes and the .NET 4
 * client requires: an entry's {@code <id>}, {@code <category>} and edit link, then a
 * {@code <link rel="…/related/{Nav}">} per navigation property (holding the related feed or entry
 * in {@code <m:inline>} when expanded, an empty {@code <m:inline/>} for a to-one leading nowhere),
 * then {@code <title/>}, {@code <updated>}, {@code <author>} and the properties in {@code <content>}.
 *
 * Named streams (OData v3) follow the author as {@code <link rel="…/mediaresource/{Name}">} with their
 * content type, in a 3.0 document only.
 *
 * @param updated the {@code <updated>} value of every entry and feed of the document
 * @param namedStreams whether entries show their named streams (the document is version 3.0)
 */
record AtomEntries(ServiceUrls urls, RelatedEntities related, String updated, boolean namedStreams) {

  private static final String RELATED = "http://schemas.microsoft.com/ado/2007/08/dataservices/related/";
  private static final String MEDIA_RESOURCE = "http://schemas.microsoft.com/ado/2007/08/dataservices/mediaresource/";

  /** A feed's head: {@code <id>}, {@code <title>}, {@code <updated>} and its self link. */
  void writeFeedHead(XMLStreamWriter w, String id, String title, String selfHref) throws XMLStreamException {
    element(w, "id", id);
    w.writeStartElement("title");
    w.writeAttribute("type", "text");
    w.writeCharacters(title);
    w.writeEndElement();
    element(w, "updated", updated);
    w.writeEmptyElement("link");
    w.writeAttribute("rel", "self");
    w.writeAttribute("title", title);
    w.writeAttribute("href", selfHref);
  }

  /** An {@code <entry>} element (the namespaces declared by an enclosing element). */
  void writeEntry(XMLStreamWriter w, EntityTypeModel type, EntityValues entity, Projection projection)
      throws XMLStreamException {
    w.writeStartElement("entry");
    writeEntryBody(w, type, entity, projection);
    w.writeEndElement();
  }

  /** The children of an {@code <entry>}. */
  void writeEntryBody(XMLStreamWriter w, EntityTypeModel type, EntityValues entity, Projection projection)
      throws XMLStreamException {
    String path = ServiceUrls.entityPath(type, entity);
    element(w, "id", urls.serviceRoot() + path);
    w.writeEmptyElement("category");
    w.writeAttribute("term", type.qualifiedName());
    w.writeAttribute("scheme", AtomNames.SCHEME);
    w.writeEmptyElement("link");
    w.writeAttribute("rel", "edit");
    w.writeAttribute("title", type.name());
    w.writeAttribute("href", path);
    for (NavigationModel navigation : type.navigation()) {
      if (projection.includesLink(navigation)) {
        writeNavigationLink(w, path, entity, navigation, projection.expansion(navigation));
      }
    }
    w.writeEmptyElement("title");
    element(w, "updated", updated);
    w.writeStartElement("author");
    w.writeEmptyElement("name");
    w.writeEndElement();
    if (namedStreams && projection.includesStreams()) {
      for (StreamModel stream : type.streams()) {
        // read-only: a read link, no edit-media link
        w.writeEmptyElement("link");
        w.writeAttribute("rel", MEDIA_RESOURCE + stream.name());
        w.writeAttribute("type", stream.contentType());
        w.writeAttribute("title", stream.name());
        w.writeAttribute("href", path + "/" + stream.name());
      }
    }
    w.writeStartElement("content");
    w.writeAttribute("type", "application/xml");
    w.writeStartElement("m", "properties", AtomNames.METADATA);
    for (PropertyModel property : type.properties()) {
      if (projection.includes(property)) {
        AtomValues.writeValue(w, property, type.writtenValue(entity, property));
      }
    }
    w.writeEndElement();
    w.writeEndElement();
  }

  private void writeNavigationLink(XMLStreamWriter w, String entityPath, EntityValues entity,
      NavigationModel navigation, Projection expansion) throws XMLStreamException {
    String href = entityPath + "/" + navigation.name();
    if (expansion == null) {
      w.writeEmptyElement("link");
    } else {
      w.writeStartElement("link");
    }
    w.writeAttribute("rel", RELATED + navigation.name());
    w.writeAttribute("type", "application/atom+xml;type=" + (navigation.many() ? "feed" : "entry"));
    w.writeAttribute("title", navigation.name());
    w.writeAttribute("href", href);
    if (expansion == null) {
      return;
    }
    List<? extends EntityValues> targets = related.of(entity, navigation);
    EntityTypeModel target = navigation.target();
    if (navigation.many()) {
      w.writeStartElement("m", "inline", AtomNames.METADATA);
      w.writeStartElement("feed");
      writeFeedHead(w, urls.serviceRoot() + href, navigation.name(), href);
      for (EntityValues each : targets) {
        writeEntry(w, target, each, expansion);
      }
      w.writeEndElement();
      w.writeEndElement();
    } else if (targets.isEmpty()) {
      w.writeEmptyElement("m", "inline", AtomNames.METADATA);
    } else {
      w.writeStartElement("m", "inline", AtomNames.METADATA);
      writeEntry(w, target, targets.get(0), expansion);
      w.writeEndElement();
    }
    w.writeEndElement();
  }

  static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
    w.writeStartElement(name);
    w.writeCharacters(text);
    w.writeEndElement();
  }
}
