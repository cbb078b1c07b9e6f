package dev.spfemu.vmm.quota;

/**
 * What a user role's quota and a cloud's capacity limit, by the names {@code CloudCapacity} gives
 * its properties, which are also a {@code QuotaAndUsageComponent}'s {@code QuotaDimension} values.
 */
public enum QuotaDimension {
  VM_COUNT("VMCount", "virtual machines"),
  CPU_COUNT("CPUCount", "CPU cores"),
  MEMORY_MB("MemoryMB", "MB of memory"),
  STORAGE_GB("StorageGB", "GB of storage");

  private final String value;
  private final String unit;

  QuotaDimension(String value, String unit) {
    this.value = value;
    this.unit = unit;
  }

  /** The name as SPF writes it ({@code QuotaDimension}, {@code CloudCapacity}'s property). */
  public String value() {
    return value;
  }

  /** What is counted, for messages ("CPU cores"). */
  public String unit() {
    return unit;
  }

  /** The dimension named {@code value}, or null for a name the emulator does not count. */
  public static QuotaDimension of(String value) {
    for (QuotaDimension dimension : values()) {
      if (dimension.value.equals(value)) {
        return dimension;
      }
    }
    return null;
  }
}
