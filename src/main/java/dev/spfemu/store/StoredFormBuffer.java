package dev.spfemu.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/** A growing buffer of a record's values as {@link StoredForm} encodes them, and the record's bytes made from it. */
final class StoredFormBuffer {

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);


  private byte[] buffer = new byte[128];
  private int length;

  int tag(int tag) {
    int at = length;
    byte1(tag);
    return at;
  }

  void byte1(int b) {
    room(1);
    buffer[length++] = (byte) b;
  }

  void int4(int value) {
    room(4);
    INTS.set(buffer, length, value);
    length += 4;
  }

  void long8(long value) {
    room(8);
    LONGS.set(buffer, length, value);
    length += 8;
  }

  void varint(int value) {
    while ((value & ~0x7F) != 0) {
      byte1(value & 0x7F | 0x80);
      value >>>= 7;
    }
    byte1(value);
  }

  void bytes(byte[] bytes) {
    room(bytes.length);
    System.arraycopy(bytes, 0, buffer, length, bytes.length);
    length += bytes.length;
  }

  private void room(int more) {
    if (length + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
    }
  }

  /** The record's bytes: header, offsets as narrow as the payload allows, payload. */
  byte[] finish(int[] offsets) {
    int n = offsets.length;
    int header = StoredForm.header(n);
    int width = header + n + length <= 0xFF ? 1 : header + 2 * n + length <= 0xFFFF ? 2 : 4;
    int start = header + width * n;
    byte[] data = new byte[start + length];
    if (n <= StoredForm.SHORT_COUNT) {
      data[0] = (byte) (n << 3 | width);
    } else {
      data[0] = (byte) (0x1F << 3 | width);
      SHORTS.set(data, 1, (short) n);
    }
    for (int i = 0; i < n; i++) {
      int at = offsets[i] < 0 ? 0 : start + offsets[i];
      int p = header + i * width;
      switch (width) {
        case 1 -> data[p] = (byte) at;
        case 2 -> SHORTS.set(data, p, (short) at);
        default -> INTS.set(data, p, at);
      }
    }
    System.arraycopy(buffer, 0, data, start, length);
    return data;
  }
}
