package dev.spfemu.model;

import java.util.List;

/**
 * The model file's shape, as {@link ModelFileReader} reads it: a member the file leaves out is null
 * ({@code many}: false).
 */
record ModelFile(String namespace, String container, List<ComplexType> complexTypes, List<EntityType> entityTypes) {

  record EntityType(String name, String entitySet, List<String> keys, List<String> verbs,
      List<String> requiredOnCreate, List<String> serverManaged, List<String> secrets, List<Reference> references,
      List<Property> properties, List<Navigation> navigation, Boolean adminOnly, List<String> tenantVerbs) {

    boolean isKeyName(String name) {
      return keys != null && keys.contains(name);
    }
  }

  /** {@code from}: this type's properties; {@code to}: the target's, equal position by position. */
  record Navigation(String name, String entitySet, boolean many, List<String> from, List<String> to) {
  }

  record Reference(String property, String entitySet, List<String> matchedBy, Boolean lenientWhenNone) {
  }

  record ComplexType(String name, List<Property> properties) {
  }

  /** {@code contentType}: a stream property's media type (Edm.Stream only). */
  record Property(String name, String type, Boolean nullable, String contentType) {
  }
}
