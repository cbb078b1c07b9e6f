package dev.spfemu.store;

/**
 * Reads single values of the {@link StoredForm} as primitives, without making the objects
 * {@link StoredForm#decode} makes: a feed of a hundred checkpoints decoded about 700 objects (GUIDs,
 * times and their dates, strings) only to print them. Each read answers false (or -1) when the value
 * is not of the form asked for, null included; the caller then reads the object.
 */
final class StoredReads {

  private StoredReads() {
  }

  static boolean guid(byte[] data, EntityKey key, int index, long[] bits) {
    int at = StoredForm.offset(data, index);
    if (at == 0) {
      return false;
    }
    int tag = data[at];
    if (tag == StoredForm.GUID) {
      bits[0] = (long) StoredForm.LONGS.get(data, at + 1);
      bits[1] = (long) StoredForm.LONGS.get(data, at + 9);
      return true;
    }
    return tag >= StoredForm.KEY && tag < StoredForm.SHORT_LATIN1 && key.guid(tag - StoredForm.KEY, bits);
  }

  static boolean time(byte[] data, int index, long[] parts) {
    int at = StoredForm.offset(data, index);
    if (at == 0) {
      return false;
    }
    if (data[at] == StoredForm.TICKS) {
      long ticks = (long) StoredForm.LONGS.get(data, at + 1);
      parts[0] = Math.floorDiv(ticks, StoredForm.TICKS_PER_SECOND);
      parts[1] = Math.floorMod(ticks, StoredForm.TICKS_PER_SECOND) * 100;
      parts[2] = 0;
      return true;
    }
    if (data[at] == StoredForm.TIME) {
      parts[0] = (long) StoredForm.LONGS.get(data, at + 1);
      parts[1] = (int) StoredForm.INTS.get(data, at + 9);
      parts[2] = (int) StoredForm.INTS.get(data, at + 13);
      return true;
    }
    return false;
  }

  static int latin1(byte[] data, int index, char[] chars) {
    int at = StoredForm.offset(data, index);
    if (at == 0) {
      return -1;
    }
    int tag = data[at];
    int start;
    int length;
    if (tag >= StoredForm.SHORT_LATIN1) {
      start = at + 1;
      length = tag - StoredForm.SHORT_LATIN1;
    } else if (tag == StoredForm.LATIN1) {
      long lengthAndStart = StoredForm.varint(data, at + 1);
      start = (int) lengthAndStart;
      length = (int) (lengthAndStart >>> 32);
    } else {
      return -1; // UTF-16, a key's string, or no string
    }
    if (length > chars.length) {
      return -1;
    }
    for (int c = 0; c < length; c++) {
      chars[c] = (char) (data[start + c] & 0xFF);
    }
    return length;
  }
}
