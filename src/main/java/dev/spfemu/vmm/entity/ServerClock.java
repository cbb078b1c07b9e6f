package dev.spfemu.vmm.entity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The emulator's clock as VMM stamps times: UTC, to the 100 ns tick .NET keeps. */
public final class ServerClock {

  private final Clock clock;

  public ServerClock(Clock clock) {
    this.clock = clock;
  }

  /** Now, to the tick: finer digits could never be matched by a client's literal. */
  public OffsetDateTime now() {
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    return now.withNano(now.getNano() / 100 * 100);
  }
}
