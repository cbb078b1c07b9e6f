package dev.spfemu.store;

import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes the GUIDs the emulator assigns (entity IDs, request ids). Random version-4 GUIDs from
 * {@link ThreadLocalRandom}: {@link UUID#randomUUID()} draws from a shared SecureRandom, which
 * costs a lock per call on the request path and buys nothing for a mock.
 */
public interface IdGenerator {

  UUID next();

  /**
   * The same sequence of GUIDs for the same seed, for tests that compare whole responses across
   * runs. (Requests running concurrently still take them in arrival order.)
   */
  static IdGenerator seeded(long seed) {
    Random random = new Random(seed);
    return () -> {
      long high = (random.nextLong() & ~0xF000L) | 0x4000L;
      long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
      return new UUID(high, low);
    };
  }

  /** Random GUIDs, different on every call. */
  static IdGenerator random() {
    return () -> {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      long high = (random.nextLong() & ~0xF000L) | 0x4000L;
      long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
      return new UUID(high, low);
    };
  }
}
