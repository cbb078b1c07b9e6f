package dev.spfemu.model;

import java.util.ArrayList;
import java.util.List;

/**
 * An entity as a request body described it: a value per property in model order, and which
 * properties the body actually contained (a property sent as null differs from one left out).
 * Navigation properties are recorded only as present, and whether they carried related entities:
 * clients that send whole models send them as null or [] (CLIENTS.md D.3, D.5), which says nothing.
 */
public final class EntityPayload implements EntityValues {

  private final EntityTypeModel type;
  private final Object[] values;
  private final boolean[] present;
  /** Created on the first navigation property, which most bodies do not have. */
  private List<NavigationModel> navigation;
  private List<NavigationModel> withEntities;

  public EntityPayload(EntityTypeModel type) {
    this.type = type;
    this.values = new Object[type.propertyCount()];
    this.present = new boolean[type.propertyCount()];
  }

  public EntityTypeModel type() {
    return type;
  }

  /** Records a property read from the body; false if it was already there (a duplicate). */
  public boolean put(PropertyModel property, Object value) {
    if (present[property.index()]) {
      return false;
    }
    present[property.index()] = true;
    values[property.index()] = value;
    return true;
  }

  /** Sets a property whether or not the body had it (the domain completing a body, as a VM's Owner). */
  public void set(PropertyModel property, Object value) {
    present[property.index()] = true;
    values[property.index()] = value;
  }

  /**
   * Records a navigation property read from the body; false if it was already there (a duplicate).
   *
   * @param carriesEntities whether it held related entities (an entry, or a collection that is not
   *     empty: what OData calls a deep insert or update) rather than null, an empty collection or a link
   */
  public boolean putNavigation(NavigationModel property, boolean carriesEntities) {
    if (navigation == null) {
      navigation = new ArrayList<>(2);
      withEntities = new ArrayList<>(1);
    }
    if (navigation.contains(property)) {
      return false;
    }
    navigation.add(property);
    if (carriesEntities) {
      withEntities.add(property);
    }
    return true;
  }

  /** Whether the body contained the navigation property, as whatever value. */
  public boolean isPresent(NavigationModel property) {
    return navigation != null && navigation.contains(property);
  }

  /** The navigation properties that carried related entities, in body order; empty for nearly every body. */
  public List<NavigationModel> navigationWithEntities() {
    return withEntities == null ? List.of() : List.copyOf(withEntities);
  }

  @Override
  public Object value(int index) {
    return values[index];
  }

  public Object value(PropertyModel property) {
    return values[property.index()];
  }

  public boolean isPresent(PropertyModel property) {
    return present[property.index()];
  }

  /** A copy of the values, in model order. */
  public Object[] values() {
    return values.clone();
  }
}
