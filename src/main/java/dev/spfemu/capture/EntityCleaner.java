package dev.spfemu.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.PropertyModel;
import java.util.Iterator;
import java.util.Map;

/**
 * Turns an entity as a JSON light feed shows it into a world file's entity (docs/scenario.md): the
 * model's properties only, in the model's order, without annotations ({@code odata.*},
 * {@code Name@odata.*}) at any depth, and without the model's secrets.
 */
final class EntityCleaner {

  private EntityCleaner() {
  }

  /** The world-file form of {@code entity}; {@code dropped} counts the properties the model does not know. */
  static ObjectNode clean(EntityTypeModel type, ObjectNode entity, int[] dropped) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (PropertyModel property : type.properties()) {
      JsonNode value = entity.get(property.name());
      if (value == null || type.isSecret(property)) {
        continue;
      }
      out.set(property.name(), withoutAnnotations(value));
    }
    Iterator<String> names = entity.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!isAnnotation(name) && type.property(name) == null) {
        dropped[0]++;
      }
    }
    return out;
  }

  private static boolean isAnnotation(String name) {
    return name.startsWith("odata.") || name.contains("@");
  }

  private static JsonNode withoutAnnotations(JsonNode value) {
    if (value.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (!isAnnotation(field.getKey())) {
          out.set(field.getKey(), withoutAnnotations(field.getValue()));
        }
      }
      return out;
    }
    if (value.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      value.forEach(item -> out.add(withoutAnnotations(item)));
      return out;
    }
    return value;
  }
}
