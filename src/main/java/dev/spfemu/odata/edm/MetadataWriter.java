package dev.spfemu.odata.edm;

import dev.spfemu.model.ComplexTypeModel;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.NavigationModel;
import dev.spfemu.model.PropertyModel;
import dev.spfemu.model.StreamModel;
import dev.spfemu.model.ServiceModel;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the {@code $metadata} document (EDMX with OData v3 CSDL) from the model, once per emulator:
 * entity types (properties, then navigation properties), complex types, the associations of the
 * navigation properties ({@link Associations}), and the container with entity and association sets,
 * in the order WCF Data Services writes them.
 * Ours rather than Olingo's because an OData V2 library cannot express v3's collection types
 * ({@code Collection(VMM.UserAndRole)}) nor {@code m:MaxDataServiceVersion}.
 */
final class MetadataWriter {

  private static final String EDMX = "http://schemas.microsoft.com/ado/2007/06/edmx";
  private static final String METADATA = "http://schemas.microsoft.com/ado/2007/08/dataservices/metadata";
  private static final String CSDL_V3 = "http://schemas.microsoft.com/ado/2009/11/edm";

  private MetadataWriter() {
  }

  static byte[] write(ServiceModel model) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "utf-8");
      w.writeStartDocument("utf-8", "1.0");
      w.writeStartElement("edmx", "Edmx", EDMX);
      w.writeNamespace("edmx", EDMX);
      w.writeAttribute("Version", "1.0");
      w.writeStartElement("edmx", "DataServices", EDMX);
      w.writeNamespace("m", METADATA);
      w.writeAttribute("m", METADATA, "DataServiceVersion", "3.0");
      w.writeAttribute("m", METADATA, "MaxDataServiceVersion", "3.0");
      w.writeStartElement("Schema");
      w.writeDefaultNamespace(CSDL_V3);
      w.writeAttribute("Namespace", model.namespace());
      for (EntityTypeModel type : model.entityTypes()) {
        w.writeStartElement("EntityType");
        w.writeAttribute("Name", type.name());
        w.writeStartElement("Key");
        for (PropertyModel key : type.keys()) {
          w.writeEmptyElement("PropertyRef");
          w.writeAttribute("Name", key.name());
        }
        w.writeEndElement();
        properties(w, type.properties(), type.streams());
        navigationProperties(w, type);
        w.writeEndElement();
      }
      for (ComplexTypeModel complex : model.complexTypes()) {
        w.writeStartElement("ComplexType");
        w.writeAttribute("Name", complex.name());
        properties(w, complex.properties(), List.of());
        w.writeEndElement();
      }
      List<NavigationModel> navigation = Associations.of(model);
      for (NavigationModel nav : navigation) {
        association(w, nav);
      }
      w.writeStartElement("EntityContainer");
      w.writeAttribute("Name", model.container());
      w.writeAttribute("m", METADATA, "IsDefaultEntityContainer", "true");
      for (EntityTypeModel type : model.entityTypes()) {
        w.writeEmptyElement("EntitySet");
        w.writeAttribute("Name", type.entitySet());
        w.writeAttribute("EntityType", type.qualifiedName());
      }
      for (NavigationModel nav : navigation) {
        associationSet(w, nav);
      }
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write $metadata", e);
    }
    return out.toByteArray();
  }

  /** {@code <NavigationProperty Name Relationship ToRole FromRole/>}, in WCF Data Services' attribute order. */
  private static void navigationProperties(XMLStreamWriter w, EntityTypeModel type) throws XMLStreamException {
    for (NavigationModel nav : type.navigation()) {
      w.writeEmptyElement("NavigationProperty");
      w.writeAttribute("Name", nav.name());
      w.writeAttribute("Relationship", Associations.qualifiedName(nav));
      w.writeAttribute("ToRole", Associations.toRole(nav));
      w.writeAttribute("FromRole", Associations.fromRole(nav));
    }
  }

  private static void association(XMLStreamWriter w, NavigationModel nav) throws XMLStreamException {
    w.writeStartElement("Association");
    w.writeAttribute("Name", Associations.name(nav));
    w.writeEmptyElement("End");
    w.writeAttribute("Type", nav.source().qualifiedName());
    w.writeAttribute("Role", Associations.fromRole(nav));
    w.writeAttribute("Multiplicity", Associations.fromMultiplicity(nav));
    w.writeEmptyElement("End");
    w.writeAttribute("Type", nav.target().qualifiedName());
    w.writeAttribute("Role", Associations.toRole(nav));
    w.writeAttribute("Multiplicity", Associations.toMultiplicity(nav));
    w.writeEndElement();
  }

  private static void associationSet(XMLStreamWriter w, NavigationModel nav) throws XMLStreamException {
    w.writeStartElement("AssociationSet");
    w.writeAttribute("Name", Associations.setName(nav));
    w.writeAttribute("Association", Associations.qualifiedName(nav));
    w.writeEmptyElement("End");
    w.writeAttribute("Role", Associations.fromRole(nav));
    w.writeAttribute("EntitySet", nav.source().entitySet());
    w.writeEmptyElement("End");
    w.writeAttribute("Role", Associations.toRole(nav));
    w.writeAttribute("EntitySet", nav.target().entitySet());
    w.writeEndElement();
  }

  /** The properties in model order, the named streams ({@code Edm.Stream}, not nullable) in their place. */
  private static void properties(XMLStreamWriter w, List<PropertyModel> properties, List<StreamModel> streams)
      throws XMLStreamException {
    int nextStream = 0;
    for (PropertyModel property : properties) {
      while (nextStream < streams.size() && streams.get(nextStream).position() == property.index()) {
        stream(w, streams.get(nextStream++));
      }
      w.writeEmptyElement("Property");
      w.writeAttribute("Name", property.name());
      w.writeAttribute("Type", property.typeName());
      if (!property.nullable()) {
        w.writeAttribute("Nullable", "false");
      }
    }
    while (nextStream < streams.size()) {
      stream(w, streams.get(nextStream++));
    }
  }

  private static void stream(XMLStreamWriter w, StreamModel stream) throws XMLStreamException {
    w.writeEmptyElement("Property");
    w.writeAttribute("Name", stream.name());
    w.writeAttribute("Type", "Edm.Stream");
    w.writeAttribute("Nullable", "false");
  }
}
