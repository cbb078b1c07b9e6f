package dev.spfemu.vmm.network;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The IPv4 addresses handed out from each static IP address pool, one registry per emulator: an
 * address is unique within its pool until released (its adapter's VM deleted, or the change set
 * rolled back). The pool's range is read from the pool entity at each allocation, so a changed
 * range applies to the next address. Synchronized, as {@link MacPool}.
 */
public final class IpPools {

  /** Pool ID → allocated address → the subscription it belongs to. */
  private final Map<UUID, Map<Long, String>> allocated = new HashMap<>();

  /** The lowest free address of {@code start}–{@code end} in pool {@code pool}; null when it is full or the range is invalid. */
  public synchronized String allocate(String subscription, UUID pool, String start, String end) {
    Long first = parse(start);
    Long last = parse(end);
    if (first == null || last == null) {
      return null;
    }
    Map<Long, String> taken = allocated.computeIfAbsent(pool, p -> new HashMap<>());
    for (long candidate = first; candidate <= last; candidate++) {
      if (!taken.containsKey(candidate)) {
        taken.put(candidate, subscription);
        return format(candidate);
      }
    }
    return null;
  }

  /** Marks an address taken again (a rolled-back delete puts its adapter back). */
  public synchronized void take(String subscription, UUID pool, String address) {
    Long value = parse(address);
    if (value != null) {
      allocated.computeIfAbsent(pool, p -> new HashMap<>()).put(value, subscription);
    }
  }

  /** Gives an address back to its pool. */
  public synchronized void release(UUID pool, String address) {
    Long value = parse(address);
    Map<Long, String> taken = allocated.get(pool);
    if (value != null && taken != null) {
      taken.remove(value);
    }
  }

  public synchronized void reset() {
    allocated.clear();
  }

  /** The address as a number, or null if it is not a dotted IPv4 address. */
  public static Long parse(String address) {
    if (address == null) {
      return null;
    }
    String[] parts = address.trim().split("\\.");
    if (parts.length != 4) {
      return null;
    }
    long value = 0;
    try {
      for (String part : parts) {
        int octet = Integer.parseInt(part);
        if (octet < 0 || octet > 255) {
          return null;
        }
        value = value << 8 | octet;
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return value;
  }

  static String format(long address) {
    return (address >> 24 & 0xFF) + "." + (address >> 16 & 0xFF) + "." + (address >> 8 & 0xFF) + "." + (address & 0xFF);
  }
}
