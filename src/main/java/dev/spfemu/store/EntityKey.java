package dev.spfemu.store;

import java.util.Arrays;
import java.util.UUID;

/**
 * The key of a stored entity: its key property values in the model's key order (for most VMM
 * types {@code (ID, StampId)}). Immutable; the hash is computed once because every lookup uses it.
 *
 * <p>Every stored entity holds one, so keys of one or two GUIDs (almost every VMM type, and the
 * foreign keys the indexes look up) keep the GUIDs' bits instead of an array of {@code UUID}s: 40 or
 * 48 bytes instead of about 130. Equality and hash do not depend on the form: a key equals any key
 * with equal values in the same order, and its hash is {@link Arrays#hashCode(Object[])} of them (so
 * hash tables keep the order they had).
 */
public abstract sealed class EntityKey permits EntityKey.Values, EntityKey.Guid, EntityKey.Guids {

  private final int hash;

  private EntityKey(int hash) {
    this.hash = hash;
  }

  /** A key from values in key order; none may be null. */
  public static EntityKey of(Object... values) {
    for (Object value : values) {
      if (value == null) {
        throw new IllegalArgumentException("key values cannot be null");
      }
    }
    if (values.length == 1 && values[0] instanceof UUID id) {
      return new Guid(id.getMostSignificantBits(), id.getLeastSignificantBits());
    }
    if (values.length == 2 && values[0] instanceof UUID id && values[1] instanceof UUID stamp) {
      return new Guids(id.getMostSignificantBits(), id.getLeastSignificantBits(), stamp.getMostSignificantBits(),
          stamp.getLeastSignificantBits());
    }
    return new Values(values.clone());
  }

  public abstract int size();

  public abstract Object value(int index);

  /** The GUID at {@code index} as its bits in {@code bits[0..1]}, without making it; false when not a GUID. */
  boolean guid(int index, long[] bits) {
    if (value(index) instanceof UUID id) {
      bits[0] = id.getMostSignificantBits();
      bits[1] = id.getLeastSignificantBits();
      return true;
    }
    return false;
  }

  /** The position of a key value equal to {@code value}, or -1 (without making the key's values). */
  abstract int indexOf(Object value);

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof EntityKey that) || hash != that.hash || size() != that.size()) {
      return false;
    }
    for (int i = 0; i < size(); i++) {
      if (!value(i).equals(that.value(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public final int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    Object[] values = new Object[size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = value(i);
    }
    return Arrays.toString(values);
  }

  /** {@link UUID#hashCode()} of these bits, without making the UUID. */
  private static int uuidHash(long most, long least) {
    long bits = most ^ least;
    return (int) (bits >> 32) ^ (int) bits;
  }

  private static boolean isUuid(Object value, long most, long least) {
    return value instanceof UUID id && id.getMostSignificantBits() == most && id.getLeastSignificantBits() == least;
  }

  /** Any values: the general form. */
  static final class Values extends EntityKey {

    private final Object[] values;

    private Values(Object[] values) {
      super(Arrays.hashCode(values));
      this.values = values;
    }

    @Override
    public int size() {
      return values.length;
    }

    @Override
    public Object value(int index) {
      return values[index];
    }

    @Override
    int indexOf(Object value) {
      for (int i = 0; i < values.length; i++) {
        if (values[i].equals(value)) {
          return i;
        }
      }
      return -1;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Values that ? hashCode() == that.hashCode() && Arrays.equals(values, that.values)
          : super.equals(other);
    }
  }

  /** One GUID (a job's ID, a checkpoint's VMId as an index looks it up). */
  static final class Guid extends EntityKey {

    private final long most;
    private final long least;

    private Guid(long most, long least) {
      super(31 + uuidHash(most, least));
      this.most = most;
      this.least = least;
    }

    @Override
    public int size() {
      return 1;
    }

    @Override
    public Object value(int index) {
      if (index != 0) {
        throw new IndexOutOfBoundsException(index);
      }
      return new UUID(most, least);
    }

    @Override
    boolean guid(int index, long[] bits) {
      value(index); // the bounds check
      bits[0] = most;
      bits[1] = least;
      return true;
    }

    @Override
    int indexOf(Object value) {
      return isUuid(value, most, least) ? 0 : -1;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Guid that ? most == that.most && least == that.least : super.equals(other);
    }
  }

  /** Two GUIDs: {@code (ID, StampId)}, the key of most VMM types. */
  static final class Guids extends EntityKey {

    private final long most0;
    private final long least0;
    private final long most1;
    private final long least1;

    private Guids(long most0, long least0, long most1, long least1) {
      super(31 * (31 + uuidHash(most0, least0)) + uuidHash(most1, least1));
      this.most0 = most0;
      this.least0 = least0;
      this.most1 = most1;
      this.least1 = least1;
    }

    @Override
    public int size() {
      return 2;
    }

    @Override
    public Object value(int index) {
      return switch (index) {
        case 0 -> new UUID(most0, least0);
        case 1 -> new UUID(most1, least1);
        default -> throw new IndexOutOfBoundsException(index);
      };
    }

    @Override
    boolean guid(int index, long[] bits) {
      switch (index) {
        case 0 -> {
          bits[0] = most0;
          bits[1] = least0;
        }
        case 1 -> {
          bits[0] = most1;
          bits[1] = least1;
        }
        default -> throw new IndexOutOfBoundsException(index);
      }
      return true;
    }

    @Override
    int indexOf(Object value) {
      return isUuid(value, most0, least0) ? 0 : isUuid(value, most1, least1) ? 1 : -1;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Guids that ? most0 == that.most0 && least0 == that.least0 && most1 == that.most1
          && least1 == that.least1 : super.equals(other);
    }
  }
}
