package dev.spfemu.server.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Per-connection NTLM state: one use per challenge, expiry, a size cap, forgotten on close. */
class NtlmHandshakesTest {

  private final AtomicLong now = new AtomicLong();
  private final NtlmHandshakes handshakes = new NtlmHandshakes(3, Duration.ofSeconds(60), now::get);

  @Test
  void aChallengeAnswersOneAuthenticateOnItsConnectionOnly() {
    handshakes.challenged("c1", new byte[] {1});
    assertNull(handshakes.takeChallenge("c2"));
    assertArrayEquals(new byte[] {1}, handshakes.takeChallenge("c1"));
    assertNull(handshakes.takeChallenge("c1"), "taken once: a replayed AUTHENTICATE finds none");
  }

  @Test
  void anAuthenticatedConnectionStaysAuthenticatedWhileUsed() {
    handshakes.authenticated("c1", "alice");
    now.addAndGet(Duration.ofSeconds(50).toNanos());
    assertEquals("alice", handshakes.user(() -> "c1"));
    now.addAndGet(Duration.ofSeconds(50).toNanos());
    assertEquals("alice", handshakes.user(() -> "c1"), "each use keeps it alive");
    now.addAndGet(Duration.ofSeconds(61).toNanos());
    assertNull(handshakes.user(() -> "c1"), "expired after the idle time");
    assertEquals(0, handshakes.size());
  }

  @Test
  void aPendingChallengeExpires() {
    handshakes.challenged("c1", new byte[] {1});
    now.addAndGet(Duration.ofSeconds(61).toNanos());
    assertNull(handshakes.takeChallenge("c1"));
  }

  @Test
  void theLeastRecentlyUsedGoesBeyondTheCapacity() {
    handshakes.authenticated("c1", "a");
    handshakes.authenticated("c2", "b");
    handshakes.authenticated("c3", "c");
    handshakes.user(() -> "c1");
    handshakes.challenged("c4", new byte[] {4});
    assertEquals(3, handshakes.size());
    assertNull(handshakes.user(() -> "c2"), "c2 was the least recently used");
    assertEquals("a", handshakes.user(() -> "c1"));
  }

  @Test
  void theConnectionIsNotAskedForWhileNoConnectionHasAState() {
    assertNull(handshakes.user(() -> {
      throw new AssertionError("naming the connection costs every request a string and a listener");
    }));
    handshakes.authenticated("c1", "alice");
    assertNull(handshakes.user(() -> "c2"), "asked for once some connection has a state");
  }

  @Test
  void aClosedConnectionIsForgotten() {
    handshakes.authenticated("c1", "alice");
    handshakes.forget("c1");
    assertNull(handshakes.user(() -> "c1"));
    assertEquals(0, handshakes.size());
  }
}
