package dev.spfemu.odata.edm;

import dev.spfemu.model.ComplexTypeModel;
import dev.spfemu.model.EdmKind;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.NavigationModel;
import dev.spfemu.model.PropertyModel;
import dev.spfemu.model.ServiceModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.olingo.odata2.api.edm.EdmMultiplicity;
import org.apache.olingo.odata2.api.edm.EdmSimpleTypeKind;
import org.apache.olingo.odata2.api.edm.FullQualifiedName;
import org.apache.olingo.odata2.api.edm.provider.Association;
import org.apache.olingo.odata2.api.edm.provider.AssociationEnd;
import org.apache.olingo.odata2.api.edm.provider.AssociationSet;
import org.apache.olingo.odata2.api.edm.provider.AssociationSetEnd;
import org.apache.olingo.odata2.api.edm.provider.ComplexProperty;
import org.apache.olingo.odata2.api.edm.provider.ComplexType;
import org.apache.olingo.odata2.api.edm.provider.EdmProvider;
import org.apache.olingo.odata2.api.edm.provider.EntityContainer;
import org.apache.olingo.odata2.api.edm.provider.EntityContainerInfo;
import org.apache.olingo.odata2.api.edm.provider.EntitySet;
import org.apache.olingo.odata2.api.edm.provider.EntityType;
import org.apache.olingo.odata2.api.edm.provider.Facets;
import org.apache.olingo.odata2.api.edm.provider.Key;
import org.apache.olingo.odata2.api.edm.provider.NavigationProperty;
import org.apache.olingo.odata2.api.edm.provider.Property;
import org.apache.olingo.odata2.api.edm.provider.PropertyRef;
import org.apache.olingo.odata2.api.edm.provider.Schema;
import org.apache.olingo.odata2.api.edm.provider.SimpleProperty;

/**
 * Olingo's view of the {@link ServiceModel}: every provider object is built once in the
 * constructor from the model data and handed out as is. Navigation properties and their
 * associations are declared so that Olingo's URI parser follows navigation segments and parses
 * {@code $expand} and {@code $select} of them; their names come from {@link Associations}, as in
 * {@code $metadata}.
 */
final class VmmEdmProvider extends EdmProvider {

  private final String container;
  private final EntityContainerInfo containerInfo;
  private final Map<FullQualifiedName, EntityType> entityTypes = new HashMap<>();
  private final Map<String, EntitySet> entitySets = new HashMap<>();
  private final Map<FullQualifiedName, ComplexType> complexTypes = new HashMap<>();
  private final Map<FullQualifiedName, Association> associations = new HashMap<>();
  /** By association and source set ({@code association + "|" + set}), as Olingo asks for them. */
  private final Map<String, AssociationSet> associationSets = new HashMap<>();
  private final List<Schema> schemas;

  VmmEdmProvider(ServiceModel model) {
    this.container = model.container();
    this.containerInfo = new EntityContainerInfo().setName(container).setDefaultEntityContainer(true);
    List<ComplexType> complex = new ArrayList<>();
    for (ComplexTypeModel complexModel : model.complexTypes()) {
      ComplexType type = new ComplexType().setName(complexModel.name()).setProperties(properties(complexModel.properties()));
      complexTypes.put(new FullQualifiedName(model.namespace(), complexModel.name()), type);
      complex.add(type);
    }
    List<EntityType> types = new ArrayList<>();
    List<EntitySet> sets = new ArrayList<>();
    for (EntityTypeModel typeModel : model.entityTypes()) {
      FullQualifiedName name = new FullQualifiedName(model.namespace(), typeModel.name());
      EntityType type = toEntityType(typeModel);
      EntitySet set = new EntitySet().setName(typeModel.entitySet()).setEntityType(name);
      entityTypes.put(name, type);
      entitySets.put(typeModel.entitySet(), set);
      types.add(type);
      sets.add(set);
    }
    for (NavigationModel navigation : Associations.of(model)) {
      FullQualifiedName name = new FullQualifiedName(model.namespace(), Associations.name(navigation));
      associations.put(name, association(navigation));
      associationSets.put(name + "|" + navigation.source().entitySet(), associationSet(navigation, name));
    }
    EntityContainer entityContainer = new EntityContainer().setName(container)
        .setDefaultEntityContainer(true).setEntitySets(sets)
        .setAssociationSets(new ArrayList<>(associationSets.values()));
    this.schemas = List.of(new Schema().setNamespace(model.namespace()).setEntityTypes(types)
        .setComplexTypes(complex).setAssociations(new ArrayList<>(associations.values()))
        .setEntityContainers(List.of(entityContainer)));
  }

  /** Olingo's navigation property: its association, and the roles it goes from and to. */
  private static NavigationProperty navigationProperty(NavigationModel navigation) {
    return new NavigationProperty().setName(navigation.name())
        .setRelationship(new FullQualifiedName(navigation.source().namespace(), Associations.name(navigation)))
        .setFromRole(Associations.fromRole(navigation)).setToRole(Associations.toRole(navigation));
  }

  private static Association association(NavigationModel navigation) {
    return new Association().setName(Associations.name(navigation))
        .setEnd1(new AssociationEnd().setType(typeName(navigation.source())).setRole(Associations.fromRole(navigation))
            .setMultiplicity(EdmMultiplicity.MANY))
        .setEnd2(new AssociationEnd().setType(typeName(navigation.target())).setRole(Associations.toRole(navigation))
            .setMultiplicity(navigation.many() ? EdmMultiplicity.MANY : EdmMultiplicity.ZERO_TO_ONE));
  }

  private static AssociationSet associationSet(NavigationModel navigation, FullQualifiedName association) {
    return new AssociationSet().setName(Associations.setName(navigation)).setAssociation(association)
        .setEnd1(new AssociationSetEnd().setRole(Associations.fromRole(navigation))
            .setEntitySet(navigation.source().entitySet()))
        .setEnd2(new AssociationSetEnd().setRole(Associations.toRole(navigation))
            .setEntitySet(navigation.target().entitySet()));
  }

  private static FullQualifiedName typeName(EntityTypeModel type) {
    return new FullQualifiedName(type.namespace(), type.name());
  }

  /**
   * Olingo's properties for ours. Olingo (OData V2) has no collection types, so collection
   * properties stay out of its EDM: they cannot be filtered or selected, only read and written.
   */
  private static List<Property> properties(List<PropertyModel> models) {
    List<Property> properties = new ArrayList<>();
    for (PropertyModel p : models) {
      if (p.collection()) {
        continue;
      }
      Facets facets = new Facets().setNullable(p.nullable());
      properties.add(p.complex() != null
          ? new ComplexProperty().setName(p.name()).setType(new FullQualifiedName(p.complex().qualifiedName()
              .substring(0, p.complex().qualifiedName().lastIndexOf('.')), p.complex().name())).setFacets(facets)
          : new SimpleProperty().setName(p.name()).setType(olingoKind(p.kind())).setFacets(facets));
    }
    return properties;
  }

  private static EntityType toEntityType(EntityTypeModel typeModel) {
    List<Property> properties = properties(typeModel.properties());
    List<PropertyRef> keyRefs = new ArrayList<>();
    for (PropertyModel key : typeModel.keys()) {
      keyRefs.add(new PropertyRef().setName(key.name()));
    }
    List<NavigationProperty> navigation = new ArrayList<>();
    for (NavigationModel nav : typeModel.navigation()) {
      navigation.add(navigationProperty(nav));
    }
    return new EntityType().setName(typeModel.name()).setProperties(properties)
        .setKey(new Key().setKeys(keyRefs)).setNavigationProperties(navigation);
  }

  @Override
  public EntityContainerInfo getEntityContainerInfo(String name) {
    return name == null || container.equals(name) ? containerInfo : null;
  }

  @Override
  public EntityType getEntityType(FullQualifiedName name) {
    return entityTypes.get(name);
  }

  @Override
  public ComplexType getComplexType(FullQualifiedName name) {
    return complexTypes.get(name);
  }

  @Override
  public EntitySet getEntitySet(String entityContainer, String name) {
    return container.equals(entityContainer) ? entitySets.get(name) : null;
  }

  @Override
  public Association getAssociation(FullQualifiedName name) {
    return associations.get(name);
  }

  @Override
  public AssociationSet getAssociationSet(String entityContainer, FullQualifiedName association,
      String sourceEntitySetName, String sourceEntitySetRole) {
    return container.equals(entityContainer) ? associationSets.get(association + "|" + sourceEntitySetName) : null;
  }

  @Override
  public List<Schema> getSchemas() {
    return schemas;
  }

  /** Olingo's name for a primitive kind: the EDM name without its {@code Edm.} prefix. */
  private static EdmSimpleTypeKind olingoKind(EdmKind kind) {
    return EdmSimpleTypeKind.valueOf(kind.qualifiedName().substring("Edm.".length()));
  }
}
