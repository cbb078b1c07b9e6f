package dev.spfemu.odata.edm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.olingo.odata2.api.edm.FullQualifiedName;
import org.apache.olingo.odata2.api.edm.provider.EdmProvider;
import org.apache.olingo.odata2.api.edm.provider.EntityContainer;
import org.apache.olingo.odata2.api.edm.provider.EntityContainerInfo;
import org.apache.olingo.odata2.api.edm.provider.EntitySet;
import org.apache.olingo.odata2.api.edm.provider.EntityType;
import org.apache.olingo.odata2.api.edm.provider.Facets;
import org.apache.olingo.odata2.api.edm.provider.Key;
import org.apache.olingo.odata2.api.edm.provider.Property;
import org.apache.olingo.odata2.api.edm.provider.PropertyRef;
import org.apache.olingo.odata2.api.edm.provider.Schema;
import org.apache.olingo.odata2.api.edm.provider.SimpleProperty;

/**
 * Olingo's view of the {@link ServiceModel}: every provider object is built once in the
 * constructor from the model data and handed out as is.
 */
final class VmmEdmProvider extends EdmProvider {

  private final String container;
  private final EntityContainerInfo containerInfo;
  private final Map<FullQualifiedName, EntityType> entityTypes = new HashMap<>();
  private final Map<String, EntitySet> entitySets = new HashMap<>();
  private final List<Schema> schemas;

  VmmEdmProvider(ServiceModel model) {
    this.container = model.container();
    this.containerInfo = new EntityContainerInfo().setName(container).setDefaultEntityContainer(true);
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
    EntityContainer entityContainer = new EntityContainer().setName(container)
        .setDefaultEntityContainer(true).setEntitySets(sets);
    this.schemas = List.of(new Schema().setNamespace(model.namespace()).setEntityTypes(types)
        .setEntityContainers(List.of(entityContainer)));
  }

  private static EntityType toEntityType(EntityTypeModel typeModel) {
    List<Property> properties = new ArrayList<>();
    for (PropertyModel p : typeModel.properties()) {
      properties.add(new SimpleProperty().setName(p.name()).setType(p.kind().olingoKind())
          .setFacets(new Facets().setNullable(p.nullable())));
    }
    List<PropertyRef> keyRefs = new ArrayList<>();
    for (PropertyModel key : typeModel.keys()) {
      keyRefs.add(new PropertyRef().setName(key.name()));
    }
    return new EntityType().setName(typeModel.name()).setProperties(properties)
        .setKey(new Key().setKeys(keyRefs));
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
  public EntitySet getEntitySet(String entityContainer, String name) {
    return container.equals(entityContainer) ? entitySets.get(name) : null;
  }

  @Override
  public List<Schema> getSchemas() {
    return schemas;
  }
}
