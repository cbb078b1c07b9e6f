package dev.spfemu.server.auth;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The NTLM state of each connection: the server challenge a NEGOTIATE got (until the AUTHENTICATE
 * on the same connection uses it, once), then the user the connection authenticated as. NTLM
 * authenticates a connection, not a request. Bounded: an entry expires after {@code ttl} without
 * use, the least recently used goes when {@code capacity} is reached, and the server forgets a
 * connection when it closes ({@link #forget}).
 */
final class NtlmHandshakes {

  /** One connection's state: a pending challenge, or (challenge null) the user it authenticated as. */
  record State(byte[] challenge, String user, long touched) {
  }

  private final int capacity;
  private final long ttlNanos;
  private final LongSupplier nanos;
  private final LinkedHashMap<String, State> states = new LinkedHashMap<>(16, 0.75f, true);
  /** The number of states, readable without the lock: most requests come on connections with none. */
  private volatile int count;

  NtlmHandshakes(int capacity, Duration ttl, LongSupplier nanos) {
    this.capacity = capacity;
    this.ttlNanos = ttl.toNanos();
    this.nanos = nanos;
  }

  /** Remembers the challenge sent on {@code connection} (a new NEGOTIATE restarts the handshake). */
  synchronized void challenged(String connection, byte[] challenge) {
    put(connection, new State(challenge.clone(), null, nanos.getAsLong()));
  }

  /** The challenge pending on {@code connection}, taken (a challenge answers one AUTHENTICATE), or null. */
  synchronized byte[] takeChallenge(String connection) {
    State state = live(connection);
    if (state == null || state.challenge() == null) {
      return null;
    }
    states.remove(connection);
    count = states.size();
    return state.challenge();
  }

  /** Marks {@code connection} authenticated as {@code user}. */
  synchronized void authenticated(String connection, String user) {
    put(connection, new State(null, user, nanos.getAsLong()));
  }

  /**
   * The user {@code connection} authenticated as, or null; each use keeps it alive. The connection's
   * ID is asked for only when some connection has a state: most requests come when none has.
   */
  String user(Supplier<String> connection) {
    return count == 0 ? null : userOf(connection.get());
  }

  private synchronized String userOf(String connection) {
    State state = live(connection);
    if (state == null || state.challenge() != null) {
      return null;
    }
    states.put(connection, new State(null, state.user(), nanos.getAsLong()));
    return state.user();
  }

  synchronized void forget(String connection) {
    states.remove(connection);
    count = states.size();
  }

  synchronized int size() {
    return states.size();
  }

  private State live(String connection) {
    if (connection == null) {
      return null;
    }
    State state = states.get(connection);
    if (state != null && expired(state, nanos.getAsLong())) {
      states.remove(connection);
      count = states.size();
      return null;
    }
    return state;
  }

  private void put(String connection, State state) {
    if (connection == null) {
      return;
    }
    states.put(connection, state);
    long now = nanos.getAsLong();
    Iterator<Map.Entry<String, State>> eldest = states.entrySet().iterator();
    // least recently used first: drop the expired ones there, and any beyond the capacity
    while (eldest.hasNext()) {
      Map.Entry<String, State> entry = eldest.next();
      if (states.size() > capacity || expired(entry.getValue(), now)) {
        eldest.remove();
      } else {
        break;
      }
    }
    count = states.size();
  }

  private boolean expired(State state, long now) {
    return now - state.touched() > ttlNanos;
  }
}
