package dev.spfemu.odata.edm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the model description ({@code vmm-model.json}, a resource next to this class) into a
 * {@link ServiceModel}. The model is data so that adding an entity type is adding rows, not code.
 * Runs once per emulator, at start-up; nothing on the request path reads it again.
 */
public final class ModelLoader {

  /** The built-in model resource. */
  public static final String DEFAULT_RESOURCE = "vmm-model.json";

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

  static ServiceModel load(InputStream in) throws IOException {
    ObjectMapper mapper = new ObjectMapper()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    ModelFile file = mapper.readValue(in, ModelFile.class);
    Set<String> complexTypes = new HashSet<>();
    if (file.complexTypes() != null) {
      file.complexTypes().forEach(complex -> complexTypes.add(complex.name()));
    }
    List<EntityTypeModel> types = new ArrayList<>();
    for (ModelFile.EntityType type : file.entityTypes()) {
      types.add(toModel(file.namespace(), type, complexTypes));
    }
    return new ServiceModel(file.namespace(), file.container(), types);
  }

  private static EntityTypeModel toModel(String namespace, ModelFile.EntityType type, Set<String> complexTypes) {
    List<PropertyModel> properties = new ArrayList<>();
    Map<String, String> unserved = new LinkedHashMap<>();
    for (ModelFile.Property p : type.properties()) {
      EdmKind kind = EdmKind.byName(p.type());
      if (kind == null) {
        if (!isStructured(p.type(), namespace, complexTypes)) {
          throw new IllegalStateException(type.name() + "." + p.name() + ": unknown type " + p.type());
        }
        unserved.put(p.name(), p.type()); // complex, collection and stream properties: not served yet
        continue;
      }
      boolean nullable = p.nullable() == null || p.nullable();
      properties.add(new PropertyModel(p.name(), kind, nullable, properties.size()));
    }
    List<PropertyModel> keys = named(type, properties, type.keys());
    for (PropertyModel key : keys) {
      if (key.nullable()) {
        throw new IllegalStateException(type.name() + ": key " + key.name() + " must not be nullable");
      }
    }
    List<PropertyModel> required = named(type, properties,
        type.requiredOnCreate() == null ? List.of() : type.requiredOnCreate());
    List<PropertyModel> serverManaged = named(type, properties,
        type.serverManaged() == null ? List.of() : type.serverManaged());
    return new EntityTypeModel(namespace, type.name(), type.entitySet(), properties, keys, required, serverManaged,
        type.verbs() == null ? List.of("POST", "GET", "PUT", "DELETE") : type.verbs(), unserved);
  }

  /** A complex type of the model, a collection, or a stream. */
  private static boolean isStructured(String type, String namespace, Set<String> complexTypes) {
    String element = type.startsWith("Collection(") && type.endsWith(")")
        ? type.substring("Collection(".length(), type.length() - 1) : type;
    return element.equals("Edm.Stream") || EdmKind.byName(element) != null
        || element.startsWith(namespace + ".") && complexTypes.contains(element.substring(namespace.length() + 1));
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

  /** The file's shape, for Jackson. */
  record ModelFile(String namespace, String container, List<ComplexType> complexTypes, List<EntityType> entityTypes) {
    record EntityType(String name, String entitySet, List<String> keys, List<String> verbs,
        List<String> requiredOnCreate, List<String> serverManaged, List<Property> properties) {
    }

    record ComplexType(String name, List<Property> properties) {
    }

    record Property(String name, String type, Boolean nullable) {
    }
  }
}
