package dev.spfemu.vmm.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The quota arithmetic: what a VM counts, and sums and differences of counts. */
class FootprintTest {

  private static final long GB = 1L << 30;

  @Test
  void aVmCountsOneVmItsCoresItsMemoryAndItsStorageInWholeGb() {
    assertEquals(new Footprint(1, 4, 8192, 18), Footprint.ofVm(4, 8192, 18 * GB));
  }

  @Test
  void nullsCountAsZero() {
    assertEquals(new Footprint(1, 0, 0, 0), Footprint.ofVm(null, null, null));
  }

  @Test
  void storageIsRoundedUpToTheNextGb() {
    assertEquals(0, Footprint.storageGb(0L));
    assertEquals(1, Footprint.storageGb(1L));
    assertEquals(1, Footprint.storageGb(GB));
    assertEquals(2, Footprint.storageGb(GB + 1));
    assertEquals(0, Footprint.storageGb(-5L), "a nonsense negative size uses nothing");
  }

  @Test
  void countsAddAndSubtractPerDimension() {
    Footprint small = new Footprint(1, 1, 2048, 10);
    Footprint large = new Footprint(1, 4, 8192, 40);
    assertEquals(new Footprint(2, 5, 10240, 50), small.plus(large));
    assertEquals(new Footprint(0, 3, 6144, 30), large.minus(small), "a change counts what grew");
    assertEquals(new Footprint(-1, -1, -2048, -10), small.negated(), "a delete gives back what the VM used");
    assertEquals(small, small.plus(Footprint.ZERO));
  }

  @Test
  void eachDimensionReadsItsCount() {
    Footprint counts = new Footprint(1, 2, 3, 4);
    assertEquals(1, counts.get(QuotaDimension.VM_COUNT));
    assertEquals(2, counts.get(QuotaDimension.CPU_COUNT));
    assertEquals(3, counts.get(QuotaDimension.MEMORY_MB));
    assertEquals(4, counts.get(QuotaDimension.STORAGE_GB));
  }

  @Test
  void dimensionsAreNamedAsCloudCapacityNamesThem() {
    assertEquals(QuotaDimension.MEMORY_MB, QuotaDimension.of("MemoryMB"));
    assertEquals("StorageGB", QuotaDimension.STORAGE_GB.value());
    assertNull(QuotaDimension.of("CustomQuotaCount"), "a dimension the emulator does not count");
  }
}
