package dev.spfemu.vmm.network;

import java.util.HashMap;
import java.util.Map;

/**
 * VMM's default MAC address pool, one per emulator: 00:1D:D8:B7:1C:00 – 00:1D:D8:F4:1F:FF, the range
 * of VMM's "Default MAC address pool" [I]. Every address handed out is unique until released (the
 * adapter's VM deleted, or the change set that allocated it rolled back). Synchronized: allocations
 * are rare (one per adapter of a new VM) and must never hand out one address twice.
 */
public final class MacPool {

  static final long FIRST = 0x001DD8B71C00L;
  static final long LAST = 0x001DD8F41FFFL;

  private final long first;
  private final long last;
  /** Allocated address → the subscription that took it (which adapter holds it is in the store). */
  private final Map<Long, String> allocated = new HashMap<>();
  private long next;

  public MacPool() {
    this(FIRST, LAST);
  }

  /** A pool over another range (tests fill a small one). */
  MacPool(long first, long last) {
    this.first = first;
    this.last = last;
    this.next = first;
  }

  /** The next free address, as VMM writes it ("00:1D:D8:B7:1C:00"); null when the pool is full. */
  public synchronized String allocate(String subscription) {
    long size = last - first + 1;
    for (long tried = 0; tried < size; tried++) {
      long candidate = next;
      next = next == last ? first : next + 1;
      if (!allocated.containsKey(candidate)) {
        allocated.put(candidate, subscription);
        return format(candidate);
      }
    }
    return null;
  }

  /** Marks a static address the client chose as taken; false if it already is. */
  public synchronized boolean take(String subscription, String mac) {
    Long value = parse(mac);
    return value == null || allocated.putIfAbsent(value, subscription) == null;
  }

  /** Gives an address back (unknown or foreign addresses are ignored). */
  public synchronized void release(String mac) {
    Long value = parse(mac);
    if (value != null) {
      allocated.remove(value);
    }
  }

  public synchronized void reset() {
    allocated.clear();
    next = first;
  }

  static String format(long mac) {
    StringBuilder text = new StringBuilder(17);
    for (int shift = 40; shift >= 0; shift -= 8) {
      text.append(String.format("%02X", (mac >> shift) & 0xFF));
      if (shift > 0) {
        text.append(':');
      }
    }
    return text.toString();
  }

  /** The address as a number, or null if it is not one ("00-1D-D8-…" and "001DD8…" accepted). */
  public static Long parse(String mac) {
    if (mac == null) {
      return null;
    }
    String hex = mac.replace(":", "").replace("-", "");
    if (hex.length() != 12) {
      return null;
    }
    try {
      return Long.parseLong(hex, 16);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
