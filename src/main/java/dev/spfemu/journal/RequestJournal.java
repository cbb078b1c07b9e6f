package dev.spfemu.journal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;

/**
 * The most recent requests, in a fixed-size ring: memory stays bounded under any load, and
 * recording takes no lock (one atomic increment and one array write). Of each body it keeps at most
 * {@code bodyLimit} bytes, WireMock-style, noting the whole size and that it was cut, so the ring
 * holds at most {@code capacity × bodyLimit} bytes of bodies however large the requests are.
 * Clearing empties the slots, so nothing cleared stays reachable. A capacity of 0 turns the journal off.
 */
public final class RequestJournal {

  /** A body limit that keeps every body whole (the default of the plain constructors). */
  public static final int WHOLE_BODIES = Integer.MAX_VALUE;

  private final int capacity;
  private final int bodyLimit;
  private final AtomicReferenceArray<Entry> ring;
  private final AtomicLong next = new AtomicLong();
  private volatile long clearedBefore;
  private final SecretMask secrets;

  public RequestJournal(int capacity) {
    this(capacity, WHOLE_BODIES, SecretMask.NONE);
  }

  /** A journal that masks the values of {@code secrets} in the bodies it keeps. */
  public RequestJournal(int capacity, SecretMask secrets) {
    this(capacity, WHOLE_BODIES, secrets);
  }

  /**
   * A journal that keeps the first {@code bodyLimit} bytes of each body and masks the values of
   * {@code secrets} in them.
   */
  public RequestJournal(int capacity, int bodyLimit, SecretMask secrets) {
    this.secrets = secrets;
    if (capacity < 0) {
      throw new IllegalArgumentException("journal size cannot be negative");
    }
    if (bodyLimit < 0) {
      throw new IllegalArgumentException("the journal's body limit cannot be negative");
    }
    this.capacity = capacity;
    this.bodyLimit = bodyLimit;
    this.ring = new AtomicReferenceArray<>(Math.max(capacity, 1));
  }

  public boolean enabled() {
    return capacity > 0;
  }

  /**
   * The text the journal keeps of a body: its first {@code bodyLimit} bytes as UTF-8 (a character cut
   * in two at the limit is left out); empty for none.
   */
  public String keep(byte[] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    int length = Math.min(body.length, bodyLimit);
    if (length < body.length) {
      while (length > 0 && (body[length] & 0xC0) == 0x80) {
        length--; // body[length] continues a character that starts before the cut: leave it out whole
      }
    }
    return new String(body, 0, length, StandardCharsets.UTF_8);
  }

  /** Whether a body of {@code size} bytes is longer than the journal keeps. */
  public boolean truncates(long size) {
    return size > bodyLimit;
  }

  /** The most bytes of one body the journal keeps. */
  public int bodyLimit() {
    return bodyLimit;
  }

  /** Keeps {@code request} as {@link #kept} makes it; returns that, or null when the journal is off. */
  public RecordedRequest record(RecordedRequest request) {
    if (capacity == 0) {
      return null;
    }
    RecordedRequest kept = kept(request);
    long sequence = next.getAndIncrement();
    ring.set((int) (sequence % capacity), new Entry(sequence, kept));
    return kept;
  }

  /** {@code request} as the journal keeps it: its body cut to the limit (if not cut yet) and its secrets masked. */
  public RecordedRequest kept(RecordedRequest request) {
    RecordedRequest kept = request;
    String body = request.body();
    if (body != null && !request.bodyTruncated() && truncates(request.bodySize())) { // not cut yet: cut it here
      kept = new RecordedRequest(request.method(), request.url(), request.headers(),
          keep(body.getBytes(StandardCharsets.UTF_8)), request.status(), request.subscription(),
          request.entitySet(), request.time(), request.bodySize(), true);
    }
    String masked = secrets.mask(kept.body());
    if (masked != null && !masked.equals(kept.body())) {
      kept = kept.withBody(masked);
    }
    return kept;
  }

  /** The requests kept, oldest first. */
  public List<RecordedRequest> requests() {
    return requests(request -> true);
  }

  /** The requests kept that match {@code filter}, oldest first. */
  public List<RecordedRequest> requests(Predicate<RecordedRequest> filter) {
    List<Entry> entries = new ArrayList<>(capacity);
    for (int i = 0; i < ring.length(); i++) {
      Entry entry = ring.get(i);
      if (entry != null && entry.sequence >= clearedBefore) {
        entries.add(entry);
      }
    }
    entries.sort((a, b) -> Long.compare(a.sequence, b.sequence));
    List<RecordedRequest> requests = new ArrayList<>(entries.size());
    for (Entry entry : entries) {
      if (filter.test(entry.request)) {
        requests.add(entry.request);
      }
    }
    return requests;
  }

  /** Forgets every request recorded so far, and lets go of them (their slots are emptied). */
  public void clear() {
    long cut = next.get();
    clearedBefore = cut;
    for (int i = 0; i < ring.length(); i++) {
      Entry entry = ring.get(i);
      if (entry != null && entry.sequence < cut) {
        ring.compareAndSet(i, entry, null); // a request recorded meanwhile keeps its slot
      }
    }
  }

  /**
   * The characters of request bodies the ring holds right now, cleared slots included (there are
   * none): the journal's own measure of the memory it keeps, at most {@code capacity × bodyLimit}.
   */
  public long retainedBodyCharacters() {
    long total = 0;
    for (int i = 0; i < ring.length(); i++) {
      Entry entry = ring.get(i);
      if (entry != null && entry.request.body() != null) {
        total += entry.request.body().length();
      }
    }
    return total;
  }

  private record Entry(long sequence, RecordedRequest request) {
  }
}
