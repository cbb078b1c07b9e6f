package dev.spfemu.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

/**
 * How an {@link EntityRecord} keeps its values: one {@code byte[]} instead of an array of boxed
 * objects, because a store of a million entities is mostly their values (a checkpoint's GUIDs,
 * times and name took about 500 bytes as objects, about 120 here). Every value decodes to an object
 * equal to the one stored, of the same class.
 *
 * <p>Layout: a header byte (how wide an offset is: 1, 2 or 4 bytes, and the number of values up to
 * 30; more are counted in two more bytes), then one offset per value (0: null, as no value starts
 * inside the header), then the values, each a tag byte and its payload (a short Latin-1 string's
 * length, and which key value one is, are in its tag). Values that are equal to an earlier one (the booleans, a
 * {@code ModifiedTime} equal to the {@code AddedTime}) share its offset; one of the key's values is
 * a one-byte reference to the key. Strings are Latin-1 bytes when every char fits (the common case,
 * one copy to decode), else their UTF-16 chars, so any Java string, unpaired surrogates included,
 * comes back as it was. Values of any other class (complex values, collections, numbers the VMM
 * model rarely uses) stay objects in a side array, which exists only when there is one.
 */
final class StoredForm {

  private static final byte TRUE = 1;
  private static final byte FALSE = 2;
  private static final byte INT = 3;
  private static final byte LONG = 4;
  static final byte GUID = 5;
  static final byte LATIN1 = 7;
  private static final byte UTF16 = 8;
  /** A UTC time in whole 100 ns ticks since the epoch (what the service's clock makes): 8 bytes. */
  static final byte TICKS = 9;
  /** Any other time: epoch second, nano, offset seconds. */
  static final byte TIME = 10;
  private static final byte SIDE = 11;
  /** Tags from here on name a value of the key: 16 + its position (for keys of up to 16 values). */
  static final int KEY = 16;
  /** Tags from here on (to 127) are a Latin-1 string of up to 95 chars: 32 + its length, then its bytes. */
  static final int SHORT_LATIN1 = 32;
  /** Values up to here have a header of one byte (width and count); more have the count in two more. */
  static final int SHORT_COUNT = 30;

  static final long TICKS_PER_SECOND = 10_000_000L;
  /** Seconds whose ticks fit a long (about 28,000 years either side of 1970). */
  private static final long TICKS_RANGE = Long.MAX_VALUE / TICKS_PER_SECOND - 1;

  static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

  private StoredForm() {
  }

  /** The encoded values and the side array (null when every value is encoded). */
  record Encoded(byte[] data, Object[] side) {
  }

  static Encoded encode(EntityKey key, Object[] values) {
    if (values.length > 0xFFFF) {
      throw new IllegalArgumentException("too many values: " + values.length);
    }
    StoredFormBuffer out = new StoredFormBuffer();
    int[] offsets = new int[values.length]; // relative to the start of the payload; -1: null
    Object[] side = null;
    int sides = 0;
    int trueAt = -1;
    int falseAt = -1;
    int[] times = new int[4]; // positions of the times encoded so far, which a later equal time shares
    int timeCount = 0;
    for (int i = 0; i < values.length; i++) {
      Object value = values[i];
      if (value == null) {
        offsets[i] = -1;
        continue;
      }
      if (value instanceof Boolean bool) {
        int shared = bool ? trueAt : falseAt;
        if (shared < 0) {
          shared = out.tag(bool ? TRUE : FALSE);
          if (bool) {
            trueAt = shared;
          } else {
            falseAt = shared;
          }
        }
        offsets[i] = shared;
        continue;
      }
      if (value instanceof OffsetDateTime) {
        int earlier = earlierEqual(values, value, times, timeCount);
        if (earlier >= 0) {
          offsets[i] = offsets[earlier];
          continue;
        }
        if (timeCount == times.length) {
          times = Arrays.copyOf(times, timeCount * 2);
        }
        times[timeCount++] = i;
      }
      int inKey = value instanceof UUID || value instanceof String ? key.indexOf(value) : -1;
      if (inKey >= 0 && inKey < SHORT_LATIN1 - KEY) {
        offsets[i] = out.tag(KEY + inKey);
      } else if (!encodeValue(out, value, offsets, i)) {
        if (side == null) {
          side = new Object[values.length - i];
        }
        offsets[i] = out.tag(SIDE);
        out.varint(sides);
        side[sides++] = value;
      }
    }
    return new Encoded(out.finish(offsets), side == null ? null : Arrays.copyOf(side, sides));
  }

  /** Encodes a value of a class it knows; false for any other. */
  private static boolean encodeValue(StoredFormBuffer out, Object value, int[] offsets, int i) {
    Class<?> type = value.getClass();
    if (type == UUID.class) {
      UUID id = (UUID) value;
      offsets[i] = out.tag(GUID);
      out.long8(id.getMostSignificantBits());
      out.long8(id.getLeastSignificantBits());
    } else if (type == String.class) {
      offsets[i] = string(out, (String) value);
    } else if (type == OffsetDateTime.class) {
      OffsetDateTime time = (OffsetDateTime) value;
      long second = time.toEpochSecond();
      int nano = time.getNano();
      int offset = time.getOffset().getTotalSeconds();
      if (offset == 0 && nano % 100 == 0 && Math.abs(second) < TICKS_RANGE) {
        offsets[i] = out.tag(TICKS);
        out.long8(second * TICKS_PER_SECOND + nano / 100);
      } else {
        offsets[i] = out.tag(TIME);
        out.long8(second);
        out.int4(nano);
        out.int4(offset);
      }
    } else if (type == Integer.class) {
      offsets[i] = out.tag(INT);
      out.int4((Integer) value);
    } else if (type == Long.class) {
      offsets[i] = out.tag(LONG);
      out.long8((Long) value);
    } else {
      return false;
    }
    return true;
  }

  private static int string(StoredFormBuffer out, String value) {
    boolean latin1 = true;
    for (int c = 0; c < value.length() && latin1; c++) {
      latin1 = value.charAt(c) < 256;
    }
    if (latin1 && value.length() < 128 - SHORT_LATIN1) {
      int at = out.tag(SHORT_LATIN1 + value.length());
      out.bytes(value.getBytes(StandardCharsets.ISO_8859_1));
      return at;
    }
    int at = out.tag(latin1 ? LATIN1 : UTF16);
    out.varint(value.length());
    if (latin1) {
      out.bytes(value.getBytes(StandardCharsets.ISO_8859_1));
    } else {
      for (int c = 0; c < value.length(); c++) {
        out.byte1(value.charAt(c) >>> 8);
        out.byte1(value.charAt(c));
      }
    }
    return at;
  }

  /** The position of an earlier time equal to {@code time} (same offset too), or -1. */
  private static int earlierEqual(Object[] values, Object time, int[] times, int count) {
    for (int j = 0; j < count; j++) {
      if (time.equals(values[times[j]])) {
        return times[j];
      }
    }
    return -1;
  }

  static int size(byte[] data) {
    int count = data[0] >>> 3 & 0x1F;
    return count <= SHORT_COUNT ? count : (short) SHORTS.get(data, 1) & 0xFFFF;
  }

  /** Where the offsets start. */
  static int header(int count) {
    return count <= SHORT_COUNT ? 1 : 3;
  }

  static Object decode(byte[] data, Object[] side, EntityKey key, int index) {
    int at = offset(data, index);
    if (at == 0) {
      return null;
    }
    int p = at + 1;
    int tag = data[at];
    if (tag >= SHORT_LATIN1) {
      return new String(data, p, tag - SHORT_LATIN1, StandardCharsets.ISO_8859_1);
    }
    if (tag >= KEY) {
      return key.value(tag - KEY);
    }
    return switch (data[at]) {
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case INT -> (int) INTS.get(data, p);
      case LONG -> (long) LONGS.get(data, p);
      case GUID -> new UUID((long) LONGS.get(data, p), (long) LONGS.get(data, p + 8));
      case LATIN1 -> {
        long lengthAndStart = varint(data, p);
        yield new String(data, (int) lengthAndStart, (int) (lengthAndStart >>> 32), StandardCharsets.ISO_8859_1);
      }
      case UTF16 -> utf16(data, varint(data, p));
      case TICKS -> {
        long ticks = (long) LONGS.get(data, p);
        yield time(Math.floorDiv(ticks, TICKS_PER_SECOND), (int) Math.floorMod(ticks, TICKS_PER_SECOND) * 100, 0);
      }
      case TIME -> time((long) LONGS.get(data, p), (int) INTS.get(data, p + 8), (int) INTS.get(data, p + 12));
      case SIDE -> side[(int) (varint(data, p) >>> 32)];
      default -> throw new IllegalStateException("unknown tag " + data[at] + " at " + at);
    };
  }

  /**
   * {@code data} with the GUID at {@code index} replaced by {@code value}, or null when the value there is
   * not a GUID stored on its own or {@code value} is one of the key's (then the record is encoded again).
   * GUIDs are never shared between values, so the patch changes that value only, and the bytes are
   * those {@link #encode} would make.
   */
  static byte[] withGuid(byte[] data, EntityKey key, int index, UUID value) {
    int at = offset(data, index);
    if (at == 0 || data[at] != GUID) {
      return null;
    }
    int inKey = key.indexOf(value);
    if (inKey >= 0 && inKey < SHORT_LATIN1 - KEY) {
      return null;
    }
    byte[] patched = data.clone();
    LONGS.set(patched, at + 1, value.getMostSignificantBits());
    LONGS.set(patched, at + 9, value.getLeastSignificantBits());
    return patched;
  }

  private static OffsetDateTime time(long second, int nano, int offsetSeconds) {
    ZoneOffset offset = ZoneOffset.ofTotalSeconds(offsetSeconds);
    return OffsetDateTime.of(LocalDateTime.ofEpochSecond(second, nano, offset), offset);
  }

  private static String utf16(byte[] data, long lengthAndStart) {
    int start = (int) lengthAndStart;
    char[] chars = new char[(int) (lengthAndStart >>> 32)];
    for (int c = 0; c < chars.length; c++) {
      chars[c] = (char) ((data[start + 2 * c] & 0xFF) << 8 | data[start + 2 * c + 1] & 0xFF);
    }
    return new String(chars);
  }

  static int offset(byte[] data, int index) {
    int width = data[0] & 0x7;
    int at = (data[0] >>> 3 & 0x1F) <= SHORT_COUNT ? 1 + index * width : 3 + index * width;
    return switch (width) {
      case 1 -> data[at] & 0xFF;
      case 2 -> (short) SHORTS.get(data, at) & 0xFFFF;
      default -> (int) INTS.get(data, at);
    };
  }

  /** A varint at {@code p}: its value in the high half, where what follows it starts in the low half. */
  static long varint(byte[] data, int p) {
    int value = 0;
    int shift = 0;
    byte b;
    do {
      b = data[p++];
      value |= (b & 0x7F) << shift;
      shift += 7;
    } while (b < 0);
    return (long) value << 32 | p;
  }
}
