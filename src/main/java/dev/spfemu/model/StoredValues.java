package dev.spfemu.model;

/**
 * Values kept in a compact stored form, which a writer may read as primitives instead of as objects:
 * a feed of a hundred entities otherwise makes several objects per value (a GUID and its text, a
 * time, its date and its text) only to print them. Each read answers false (or -1) when the value is
 * not of the form asked for, null included; the writer then takes {@link #value} as for any entity.
 */
public interface StoredValues extends EntityValues {

  /** The GUID at {@code index} as its most and least significant bits in {@code bits[0..1]}. */
  boolean guid(int index, long[] bits);

  /** The time at {@code index} as its epoch second, nano of second and offset seconds in {@code parts[0..2]}. */
  boolean time(int index, long[] parts);

  /** Copies the string at {@code index} into {@code chars} when it is Latin-1 and fits; its length, or -1. */
  int latin1(int index, char[] chars);
}
