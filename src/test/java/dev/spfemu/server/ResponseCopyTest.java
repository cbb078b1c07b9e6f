package dev.spfemu.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseCopyTest {

  @Test
  void keepsTheFirstBytesUpToTheLimitAndCountsTheWholeWithoutMovingTheBuffer() {
    ResponseCopy copy = new ResponseCopy(5);
    ByteBuffer first = ByteBuffer.wrap("abc".getBytes(StandardCharsets.US_ASCII));
    copy.add(first);
    copy.add(ByteBuffer.wrap("defgh".getBytes(StandardCharsets.US_ASCII)));
    copy.add(ByteBuffer.wrap("ij".getBytes(StandardCharsets.US_ASCII)));
    copy.add(null);

    assertArrayEquals("abcde".getBytes(StandardCharsets.US_ASCII), copy.bytes());
    assertEquals(10, copy.size());
    assertEquals(3, first.remaining(), "what is written next is still there to write");
  }

  @Test
  void aResetForgetsWhatWasWritten() {
    ResponseCopy copy = new ResponseCopy(100);
    copy.add(ByteBuffer.wrap(new byte[] {1, 2, 3}));
    copy.reset();
    copy.add(ByteBuffer.wrap(new byte[] {4}));

    assertArrayEquals(new byte[] {4}, copy.bytes());
    assertEquals(1, copy.size());
  }
}
