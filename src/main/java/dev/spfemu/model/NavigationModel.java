package dev.spfemu.model;

import java.util.List;

/**
 * A navigation property, as real SPF's model declares it (a VM's {@code VirtualNetworkAdapters},
 * its {@code Cloud}), with the rule that finds the related entities: the source's {@code from}
 * properties equal the target's {@code to} properties, position by position. SPF keeps the
 * relation in such foreign-key properties (an adapter's {@code VMId} and {@code StampId}), so the
 * emulator stores nothing else for it.
 *
 * @param name the navigation property's name, as in URLs and payloads
 * @param source the type that declares it
 * @param target the type it leads to
 * @param many whether it leads to a collection (else to at most one entity)
 * @param from the source's properties that identify the related entities
 * @param to the target's properties that must equal them
 */
public record NavigationModel(String name, EntityTypeModel source, EntityTypeModel target, boolean many,
    List<PropertyModel> from, List<PropertyModel> to) {

  public NavigationModel {
    from = List.copyOf(from);
    to = List.copyOf(to);
  }

  /** Whether {@code candidate} (a target entity) is related to {@code entity} (a source entity). */
  public boolean relates(EntityValues entity, EntityValues candidate) {
    for (int i = 0; i < from.size(); i++) {
      Object value = entity.value(from.get(i).index());
      if (value == null || !value.equals(candidate.value(to.get(i).index()))) {
        return false;
      }
    }
    return true;
  }

  /** Whether the rule is the target's key in key order (a to-one navigation found by one lookup). */
  public boolean byTargetKey() {
    return to.equals(target.keys());
  }
}
