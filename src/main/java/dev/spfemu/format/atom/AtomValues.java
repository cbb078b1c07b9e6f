package dev.spfemu.format.atom;

import dev.spfemu.format.codec.PrimitiveCodecs;
import dev.spfemu.model.ComplexValue;
import dev.spfemu.model.EdmKind;
import dev.spfemu.model.PropertyModel;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Property values as {@code d:} elements: {@code <d:Name m:type="…">value</d:Name>}, or with
 * {@code m:null="true"}; strings carry no m:type. A complex value holds its members as {@code d:}
 * elements, a collection its items as {@code <d:element>}, as WCF Data Services writes them.
 */
final class AtomValues {

  private AtomValues() {
  }

  static void writeValue(XMLStreamWriter w, PropertyModel property, Object value) throws XMLStreamException {
    writeElement(w, property.name(), property, value, property.collection(), false);
  }

  /** @param root whether this is the document element, which declares the namespaces */
  static void writeElement(XMLStreamWriter w, String name, PropertyModel property, Object value,
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
}
