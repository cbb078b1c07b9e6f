package dev.spfemu.model;


/**
 * An entity as a request body described it: a value per property in model order, and which
 * properties the body actually contained (a property sent as null differs from one left out).
 */
public final class EntityPayload implements EntityValues {

  private final EntityTypeModel type;
  private final Object[] values;
  private final boolean[] present;

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
