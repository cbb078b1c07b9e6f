package dev.spfemu.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * The first bytes of a response body as it is written, for the live page's feed: at most
 * {@code limit} of them (the journal's body limit), and the size of the whole. Made only while a
 * page listens.
 */
final class ResponseCopy {

  private final int limit;
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private long size;

  ResponseCopy(int limit) {
    this.limit = limit;
  }

  /** Notes {@code content}, about to be written; its position is left as it was. */
  void add(ByteBuffer content) {
    if (content == null) {
      return;
    }
    int length = content.remaining();
    size += length;
    int room = (int) Math.min(length, Math.max(0, limit - (long) kept.size()));
    if (room > 0) {
      ByteBuffer copy = content.duplicate();
      byte[] bytes = new byte[room];
      copy.get(bytes);
      kept.writeBytes(bytes);
    }
  }

  /** The bytes kept: all of the body unless it was longer than the limit. */
  byte[] bytes() {
    return kept.toByteArray();
  }

  /** The whole body's size so far. */
  long size() {
    return size;
  }

  /** Forgets what was written (the response was reset before it was sent). */
  void reset() {
    kept.reset();
    size = 0;
  }
}
