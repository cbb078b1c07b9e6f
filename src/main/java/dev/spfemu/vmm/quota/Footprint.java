package dev.spfemu.vmm.quota;

/**
 * What a VM counts against quotas and capacities, or a sum or difference of such counts: one VM,
 * its CPU cores, its memory in MB and its storage in whole GB.
 */
public record Footprint(long vmCount, long cpuCount, long memoryMb, long storageGb) {

  public static final Footprint ZERO = new Footprint(0, 0, 0, 0);

  private static final long GB = 1L << 30;

  /**
   * A VM's footprint from its stored values; a null counts as 0.
   *
   * @param totalSize the VM's {@code TotalSize} in bytes, counted in GB rounded up
   */
  public static Footprint ofVm(Integer cpuCount, Integer memoryMb, Long totalSize) {
    return new Footprint(1, cpuCount == null ? 0 : cpuCount, memoryMb == null ? 0 : memoryMb, storageGb(totalSize));
  }

  /** Bytes as whole GB, rounded up (a VM with 1 byte of disk uses 1 GB of the quota); null or negative is 0. */
  static long storageGb(Long bytes) {
    if (bytes == null || bytes <= 0) {
      return 0;
    }
    return bytes / GB + (bytes % GB == 0 ? 0 : 1);
  }

  public long get(QuotaDimension dimension) {
    return switch (dimension) {
      case VM_COUNT -> vmCount;
      case CPU_COUNT -> cpuCount;
      case MEMORY_MB -> memoryMb;
      case STORAGE_GB -> storageGb;
    };
  }

  public Footprint plus(Footprint other) {
    return new Footprint(vmCount + other.vmCount, cpuCount + other.cpuCount, memoryMb + other.memoryMb,
        storageGb + other.storageGb);
  }

  public Footprint minus(Footprint other) {
    return plus(other.negated());
  }

  public Footprint negated() {
    return new Footprint(-vmCount, -cpuCount, -memoryMb, -storageGb);
  }
}
