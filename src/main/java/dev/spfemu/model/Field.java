package dev.spfemu.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One property of one entity type, resolved once to its position and checked against its EDM
 * type, so the domain reads and writes values by typed fields instead of property names. A
 * missing or mistyped property fails when the model is wired, not on some later request.
 *
 * @param <T> the Java type of the property's values
 */
public final class Field<T> {

  private final PropertyModel property;
  private final Class<T> javaType;

  private Field(PropertyModel property, Class<T> javaType) {
    this.property = property;
    this.javaType = javaType;
  }

  public static Field<UUID> guid(EntityTypeModel type, String name) {
    return of(type, name, EdmKind.GUID, UUID.class);
  }

  public static Field<String> string(EntityTypeModel type, String name) {
    return of(type, name, EdmKind.STRING, String.class);
  }

  public static Field<Boolean> bool(EntityTypeModel type, String name) {
    return of(type, name, EdmKind.BOOLEAN, Boolean.class);
  }

  public static Field<Integer> int32(EntityTypeModel type, String name) {
    return of(type, name, EdmKind.INT32, Integer.class);
  }

  public static Field<Long> int64(EntityTypeModel type, String name) {
    return of(type, name, EdmKind.INT64, Long.class);
  }

  /** An {@code Edm.Byte} (0 to 255), held as an {@link Integer} as every codec reads it. */
  public static Field<Integer> unsignedByte(EntityTypeModel type, String name) {
    return of(type, name, EdmKind.BYTE, Integer.class);
  }

  public static Field<OffsetDateTime> dateTime(EntityTypeModel type, String name) {
    return of(type, name, EdmKind.DATE_TIME, OffsetDateTime.class);
  }

  /** A property of a complex type. */
  public static Field<ComplexValue> complex(EntityTypeModel type, String name) {
    PropertyModel property = require(type, name);
    if (property.complex() == null || property.collection()) {
      throw new IllegalStateException(type.name() + "." + name + " is not a complex property");
    }
    return new Field<>(property, ComplexValue.class);
  }

  private static <T> Field<T> of(EntityTypeModel type, String name, EdmKind kind, Class<T> javaType) {
    PropertyModel property = require(type, name);
    if (property.kind() != kind || property.collection()) {
      throw new IllegalStateException(type.name() + "." + name + " is not an " + kind.qualifiedName());
    }
    return new Field<>(property, javaType);
  }

  private static PropertyModel require(EntityTypeModel type, String name) {
    PropertyModel property = type.property(name);
    if (property == null) {
      throw new IllegalStateException(type.name() + " has no property " + name);
    }
    return property;
  }

  public PropertyModel property() {
    return property;
  }

  public int index() {
    return property.index();
  }

  public T get(Object[] values) {
    return javaType.cast(values[property.index()]);
  }

  public T get(EntityValues values) {
    return javaType.cast(values.value(property.index()));
  }

  public void set(Object[] values, T value) {
    values[property.index()] = value;
  }

  /** Whether the value is {@link Boolean#TRUE} (a null boolean is not). */
  public boolean isTrue(Object[] values) {
    return Boolean.TRUE.equals(values[property.index()]);
  }

  @Override
  public String toString() {
    return property.name();
  }
}
