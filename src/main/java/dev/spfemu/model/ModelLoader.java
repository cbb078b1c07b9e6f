package dev.spfemu.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the model description ({@code vmm-model.json}, a resource next to this class) into a
 * {@link ServiceModel}. The model is data so that adding an entity type is adding rows, not code.
 * Runs once per emulator, at start-up; nothing on the request path reads it again.
 */
public final class ModelLoader {

  /** The built-in model resource. */
  public static final String DEFAULT_RESOURCE = "vmm-model.json";
  /** The model of SPF's Admin web service (stamps, servers, tenants). */
  public static final String ADMIN_RESOURCE = "admin-model.json";
  private static final String STREAM = "Edm.Stream";

  private ModelLoader() {
  }

  public static ServiceModel loadDefault() {
    try (InputStream in = ModelLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("model resource " + DEFAULT_RESOURCE + " is missing");
      }
      return load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
    }
  }

  /**
   * Reads another model resource next to this class, such as {@value #ADMIN_RESOURCE}: each SPF web
   * service has its own model, namespace and container.
   */
  public static ServiceModel loadResource(String resource) {
    try (InputStream in = ModelLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("model resource " + resource + " is missing");
      }
      return load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  static ServiceModel load(InputStream in) throws IOException {
    ModelFile file = ModelFileReader.read(in);
    Map<String, ComplexTypeModel> complexTypes = new LinkedHashMap<>();
    if (file.complexTypes() != null) {
      for (ModelFile.ComplexType complex : file.complexTypes()) {
        List<PropertyModel> properties = new ArrayList<>();
        for (ModelFile.Property p : complex.properties()) {
          properties.add(property(complex.name(), p, properties.size(), Map.of()));
        }
        ComplexTypeModel model = new ComplexTypeModel(file.namespace(), complex.name(), properties);
        complexTypes.put(model.qualifiedName(), model);
      }
    }
    List<EntityTypeModel> types = new ArrayList<>();
    for (ModelFile.EntityType type : file.entityTypes()) {
      types.add(toModel(file.namespace(), type, complexTypes));
    }
    ServiceModel model = new ServiceModel(file.namespace(), file.container(), List.copyOf(complexTypes.values()), types);
    for (int i = 0; i < types.size(); i++) {
      types.get(i).attachNavigation(navigation(model, types.get(i), file.entityTypes().get(i)));
    }
    return model;
  }

  private static EntityTypeModel toModel(String namespace, ModelFile.EntityType type,
      Map<String, ComplexTypeModel> complexTypes) {
    List<PropertyModel> properties = new ArrayList<>();
    Map<String, String> unserved = new LinkedHashMap<>();
    List<StreamModel> streams = new ArrayList<>();
    for (ModelFile.Property p : type.properties()) {
      if (p.type().equals(STREAM)) {
        if (p.contentType() == null) {
          throw new IllegalStateException(type.name() + ": stream " + p.name() + " needs a contentType");
        }
        unserved.put(p.name(), p.type()); // a media stream (VMConnection): a resource of its own, not a value
        streams.add(new StreamModel(p.name(), p.contentType(), properties.size()));
        continue;
      }
      properties.add(property(type.name(), p, properties.size(), complexTypes));
    }
    List<PropertyModel> keys = named(type, properties, type.keys());
    for (PropertyModel key : keys) {
      if (key.nullable() || !key.isPrimitive() || !KeyPredicate.KEY_KINDS.contains(key.kind())) {
        throw new IllegalStateException(type.name() + ": key " + key.name()
            + " must be a non-nullable Edm.Guid, Edm.String, Edm.Int32 or Edm.Int64");
      }
    }
    List<PropertyModel> required = named(type, properties,
        type.requiredOnCreate() == null ? List.of() : type.requiredOnCreate());
    List<PropertyModel> serverManaged = named(type, properties,
        type.serverManaged() == null ? List.of() : type.serverManaged());
    List<PropertyModel> secrets = named(type, properties, type.secrets() == null ? List.of() : type.secrets());
    for (PropertyModel secret : secrets) {
      if (!secret.isPrimitive() || type.isKeyName(secret.name())) {
        throw new IllegalStateException(type.name() + ": secret " + secret.name() + " must be a primitive non-key property");
      }
    }
    List<ReferenceModel> references = new ArrayList<>();
    if (type.references() != null) {
      for (ModelFile.Reference reference : type.references()) {
        PropertyModel property = named(type, properties, List.of(reference.property())).get(0);
        references.add(new ReferenceModel(property, reference.entitySet(), reference.matchedBy(),
            Boolean.TRUE.equals(reference.lenientWhenNone())));
      }
    }
    return new EntityTypeModel(namespace, type.name(), type.entitySet(), properties, keys, required,
        new EntityTypeModel.WriteRules(serverManaged, secrets), type.verbs() == null ? List.of("POST", "GET", "PUT", "DELETE") : type.verbs(), unserved, references,
        new EntityTypeModel.TenantAccess(Boolean.TRUE.equals(type.adminOnly()), type.tenantVerbs()), streams);
  }

  /** The navigation properties of {@code type}, their targets and foreign keys checked against the model. */
  private static List<NavigationModel> navigation(ServiceModel model, EntityTypeModel type, ModelFile.EntityType file) {
    List<NavigationModel> navigation = new ArrayList<>();
    if (file.navigation() == null) {
      return navigation;
    }
    for (ModelFile.Navigation nav : file.navigation()) {
      String where = type.name() + "." + nav.name();
      EntityTypeModel target = model.byEntitySet(nav.entitySet());
      if (target == null) {
        throw new IllegalStateException(where + ": no entity set " + nav.entitySet());
      }
      if (type.property(nav.name()) != null) {
        throw new IllegalStateException(where + ": a property has that name already");
      }
      if (nav.from() == null || nav.to() == null || nav.from().isEmpty() || nav.from().size() != nav.to().size()) {
        throw new IllegalStateException(where + ": 'from' and 'to' must name as many properties, at least one");
      }
      List<PropertyModel> from = new ArrayList<>();
      List<PropertyModel> to = new ArrayList<>();
      for (int i = 0; i < nav.from().size(); i++) {
        PropertyModel source = type.property(nav.from().get(i));
        PropertyModel related = target.property(nav.to().get(i));
        if (source == null || related == null || !source.isPrimitive() || source.kind() != related.kind()) {
          throw new IllegalStateException(where + ": " + nav.from().get(i) + " -> " + nav.to().get(i)
              + " must be primitive properties of the same type");
        }
        from.add(source);
        to.add(related);
      }
      navigation.add(new NavigationModel(nav.name(), type, target, nav.many(), from, to));
    }
    return navigation;
  }

  /** A property of {@code owner} from its type name: Edm.X, Namespace.Complex or Collection(either). */
  private static PropertyModel property(String owner, ModelFile.Property p, int index,
      Map<String, ComplexTypeModel> complexTypes) {
    String type = p.type();
    boolean collection = type.startsWith("Collection(") && type.endsWith(")");
    String element = collection ? type.substring("Collection(".length(), type.length() - 1) : type;
    // a collection is never null: it is empty instead
    boolean nullable = !collection && (p.nullable() == null || p.nullable());
    EdmKind kind = EdmKind.byName(element);
    if (kind != null) {
      return new PropertyModel(p.name(), kind, null, collection, nullable, index);
    }
    ComplexTypeModel complex = complexTypes.get(element);
    if (complex == null) {
      throw new IllegalStateException(owner + "." + p.name() + ": unknown type " + type);
    }
    return new PropertyModel(p.name(), null, complex, collection, nullable, index);
  }

  private static List<PropertyModel> named(ModelFile.EntityType type, List<PropertyModel> properties,
      List<String> names) {
    List<PropertyModel> found = new ArrayList<>();
    for (String name : names) {
      found.add(properties.stream().filter(p -> p.name().equals(name)).findFirst()
          .orElseThrow(() -> new IllegalStateException(type.name() + ": " + name + " is not a property")));
    }
    return found;
  }
}
