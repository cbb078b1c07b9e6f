package dev.spfemu.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A complex type (such as {@code VMM.UserAndRole}): named primitive properties, in model order. */
public final class ComplexTypeModel {

  private final String namespace;
  private final String name;
  private final List<PropertyModel> properties;
  private final Map<String, PropertyModel> byName;

  ComplexTypeModel(String namespace, String name, List<PropertyModel> properties) {
    this.namespace = namespace;
    this.name = name;
    this.properties = List.copyOf(properties);
    Map<String, PropertyModel> index = new HashMap<>();
    for (PropertyModel property : properties) {
      index.put(property.name(), property);
    }
    this.byName = Map.copyOf(index);
  }

  public String name() {
    return name;
  }

  public String qualifiedName() {
    return namespace + "." + name;
  }

  public List<PropertyModel> properties() {
    return properties;
  }

  /** The property called {@code name}, or null. */
  public PropertyModel property(String name) {
    return byName.get(name);
  }
}
