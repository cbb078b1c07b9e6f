package dev.spfemu.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;

/**
 * The most recent requests, in a fixed-size ring: memory stays bounded under any load, and
 * recording takes no lock (one atomic increment and one array write). A capacity of 0 turns the
 * journal off.
 */
public final class RequestJournal {

  private final int capacity;
  private final AtomicReferenceArray<Entry> ring;
  private final AtomicLong next = new AtomicLong();
  private volatile long clearedBefore;
  private final SecretMask secrets;

  public RequestJournal(int capacity) {
    this(capacity, SecretMask.NONE);
  }

  /** A journal that masks the values of {@code secrets} in the bodies it keeps. */
  public RequestJournal(int capacity, SecretMask secrets) {
    this.secrets = secrets;
    if (capacity < 0) {
      throw new IllegalArgumentException("journal size cannot be negative");
    }
    this.capacity = capacity;
    this.ring = new AtomicReferenceArray<>(Math.max(capacity, 1));
  }

  public boolean enabled() {
    return capacity > 0;
  }

  public void record(RecordedRequest request) {
    if (capacity == 0) {
      return;
    }
    RecordedRequest kept = request;
    String masked = secrets.mask(request.body());
    if (masked != null && !masked.equals(request.body())) {
      kept = new RecordedRequest(request.method(), request.url(), request.headers(), masked, request.status(),
          request.subscription(), request.entitySet(), request.time());
    }
    long sequence = next.getAndIncrement();
    ring.set((int) (sequence % capacity), new Entry(sequence, kept));
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

  /** Forgets every request recorded so far. */
  public void clear() {
    clearedBefore = next.get();
  }

  private record Entry(long sequence, RecordedRequest request) {
  }
}
