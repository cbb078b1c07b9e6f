package dev.spfemu.store.log;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The frame of one record: a 4-byte big-endian payload length, a 4-byte CRC32C of the payload, then the
 * payload. The length comes first so a reader knows where the next record starts; the checksum tells a
 * record written whole from one torn by a crash or damaged on disk.
 */
final class LogRecords {

  /** Length and checksum. */
  static final int HEADER_BYTES = 8;
  /** No record is larger: a longer length is damage, not data (a whole world import is far smaller). */
  static final int MAX_PAYLOAD_BYTES = 256 * 1024 * 1024;

  private LogRecords() {
  }

  static ByteBuffer frame(byte[] payload) {
    if (payload.length == 0 || payload.length > MAX_PAYLOAD_BYTES) {
      throw new IllegalArgumentException("a record holds 1 to " + MAX_PAYLOAD_BYTES + " bytes, not "
          + payload.length);
    }
    ByteBuffer frame = ByteBuffer.allocate(HEADER_BYTES + payload.length);
    frame.putInt(payload.length).putInt(checksum(payload, 0, payload.length)).put(payload);
    return frame.flip();
  }

  static int checksum(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }
}
