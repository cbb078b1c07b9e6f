package dev.spfemu.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The keys of the entities that share one indexed value, when there are two or more (one entity's
 * key is kept alone, without a bucket). Every stored entity of an indexed set has an entry here, so
 * an entry is one reference in a small array (about 5 bytes) instead of a hash node (about 40): the
 * keys are spread by hash over chunks of about {@value #PER_CHUNK}, and a change copies one chunk.
 *
 * <p>Only one thread changes a bucket at a time: the index's map calls {@link #add} and
 * {@link #remove} inside its atomic operation on the bucket's value. Readers take no lock: chunks are
 * never changed once published (a change publishes a new one, with release semantics), so a reader
 * sees each chunk before or after a change, as it would with a concurrent set; the table checks
 * every key it finds again.
 */
final class IndexBucket {

  private static final int PER_CHUNK = 16;
  private static final VarHandle CHUNK = MethodHandles.arrayElementVarHandle(EntityKey[][].class);
  private static final EntityKey[] EMPTY = {};

  /** The chunks (a power of two of them); a grown array is published whole. */
  private volatile EntityKey[][] chunks;
  /** How many keys: written by the one changing thread, read by it and (as a size hint) by readers. */
  private volatile int size;

  IndexBucket(EntityKey first, EntityKey second) {
    EntityKey[][] initial = {EMPTY};
    chunks = initial;
    add(first);
    add(second);
  }

  int size() {
    return size;
  }

  /** Adds a key (the caller holds the index's lock on this bucket's value); nothing if it is there. */
  void add(EntityKey key) {
    EntityKey[][] current = chunks;
    int slot = slot(key, current.length);
    EntityKey[] chunk = chunk(current, slot);
    for (EntityKey each : chunk) {
      if (each.equals(key)) {
        return;
      }
    }
    EntityKey[] grown = Arrays.copyOf(chunk, chunk.length + 1);
    grown[chunk.length] = key;
    CHUNK.setRelease(current, slot, grown);
    size = size + 1;
    if (size > current.length * PER_CHUNK) {
      chunks = spread(current, current.length * 2);
    }
  }

  /** Removes a key (the caller holds the index's lock on this bucket's value); whether it was there. */
  boolean remove(EntityKey key) {
    EntityKey[][] current = chunks;
    int slot = slot(key, current.length);
    EntityKey[] chunk = chunk(current, slot);
    for (int i = 0; i < chunk.length; i++) {
      if (chunk[i].equals(key)) {
        EntityKey[] shrunk = Arrays.copyOf(chunk, chunk.length - 1);
        if (i < shrunk.length) {
          shrunk[i] = chunk[chunk.length - 1];
        }
        CHUNK.setRelease(current, slot, shrunk);
        size = size - 1;
        return true;
      }
    }
    return false;
  }

  /** The only key left, or null if there are more (then the bucket stays); used when one was removed. */
  EntityKey single() {
    if (size != 1) {
      return null;
    }
    EntityKey[][] current = chunks;
    for (int i = 0; i < current.length; i++) {
      EntityKey[] chunk = chunk(current, i);
      if (chunk.length == 1) {
        return chunk[0];
      }
    }
    return null;
  }

  void forEach(Consumer<EntityKey> action) {
    EntityKey[][] current = chunks;
    for (int i = 0; i < current.length; i++) {
      for (EntityKey key : chunk(current, i)) {
        action.accept(key);
      }
    }
  }

  private static EntityKey[] chunk(EntityKey[][] chunks, int slot) {
    return (EntityKey[]) CHUNK.getAcquire(chunks, slot);
  }

  private static int slot(EntityKey key, int chunks) {
    int hash = key.hashCode();
    return (hash ^ hash >>> 16) & (chunks - 1);
  }

  /** The keys over {@code count} chunks, in a new array (published by the caller). */
  private static EntityKey[][] spread(EntityKey[][] from, int count) {
    int[] sizes = new int[count];
    for (EntityKey[] chunk : from) {
      for (EntityKey key : chunk) {
        sizes[slot(key, count)]++;
      }
    }
    EntityKey[][] to = new EntityKey[count][];
    for (int i = 0; i < count; i++) {
      to[i] = sizes[i] == 0 ? EMPTY : new EntityKey[sizes[i]];
      sizes[i] = 0;
    }
    for (EntityKey[] chunk : from) {
      for (EntityKey key : chunk) {
        int slot = slot(key, count);
        to[slot][sizes[slot]++] = key;
      }
    }
    return to;
  }
}
