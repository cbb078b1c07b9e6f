package dev.spfemu.model;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The whole VMM model: its namespace, container and entity types, indexed by entity set. */
public final class ServiceModel {

  private final String namespace;
  private final String container;
  private final Map<String, EntityTypeModel> bySet;
  private final List<ComplexTypeModel> complexTypes;

  ServiceModel(String namespace, String container, List<ComplexTypeModel> complexTypes, List<EntityTypeModel> types) {
    this.namespace = namespace;
    this.container = container;
    this.complexTypes = List.copyOf(complexTypes);
    Map<String, EntityTypeModel> index = new LinkedHashMap<>();
    for (EntityTypeModel type : types) {
      index.put(type.entitySet(), type);
    }
    this.bySet = index;
  }

  public String namespace() {
    return namespace;
  }

  public String container() {
    return container;
  }

  /** The type held by {@code entitySet}, or null if there is no such set. */
  public EntityTypeModel byEntitySet(String entitySet) {
    return bySet.get(entitySet);
  }

  /** All complex types, in the model file's order. */
  public List<ComplexTypeModel> complexTypes() {
    return complexTypes;
  }

  /** All entity types, in the model file's order. */
  public Collection<EntityTypeModel> entityTypes() {
    return bySet.values();
  }

  /** The names of every type's write-only properties, for what must mask them outside the writers (the journal). */
  public java.util.Set<String> secretNames() {
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (EntityTypeModel type : entityTypes()) {
      type.secrets().forEach(secret -> names.add(secret.name()));
    }
    return names;
  }
}
