package dev.spfemu.format.atom;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.model.EntityPayload;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.NavigationModel;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the {@code <link>} elements of an Atom entry in a request body. A navigation property is a
 * link whose {@code rel} is {@code …/dataservices/related/Name}: with only an {@code href} it binds
 * an existing entity, with an empty {@code <m:inline/>} it says null, with an {@code <m:inline>}
 * holding an {@code <entry>} or a {@code <feed>} of entries it carries related entities (a deep
 * insert). Only the last counts ({@link EntityPayload#navigationWithEntities()}); edit, self and
 * association links are the client's bookkeeping.
 */
final class AtomLinks {

  static final String RELATED = "http://schemas.microsoft.com/ado/2007/08/dataservices/related/";

  private AtomLinks() {
  }

  /** Reads the {@code <link>} the reader is on into {@code payload}; leaves the reader on its end tag. */
  static void read(XMLStreamReader r, EntityTypeModel type, EntityPayload payload) throws XMLStreamException {
    String rel = r.getAttributeValue(null, "rel");
    if (rel == null || !rel.startsWith(RELATED)) {
      AtomEntityReader.skip(r);
      return;
    }
    String name = rel.substring(RELATED.length());
    NavigationModel navigation = type.navigation(name);
    if (navigation == null) {
      throw VmmErrors.unknownProperty(name, type.qualifiedName());
    }
    if (!payload.putNavigation(navigation, readInline(r))) {
      throw VmmErrors.duplicateProperty(name);
    }
  }

  /** Whether the link's {@code <m:inline>} holds an entry, or a feed with at least one entry. */
  private static boolean readInline(XMLStreamReader r) throws XMLStreamException {
    boolean entities = false;
    int depth = 1;
    while (depth > 0) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
        // <link><m:inline><entry> (depth 3) or <link><m:inline><feed><entry> (depth 4)
        entities |= AtomNames.ATOM.equals(r.getNamespaceURI()) && r.getLocalName().equals("entry") && depth <= 4;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
    return entities;
  }
}
