package dev.spfemu.admin;

/** What {@code GET /_emulator/health} reports beyond "the world is loaded": why the emulator is degraded, if it is. */
@FunctionalInterface
public interface Health {

  /** Nothing is ever wrong (an emulator whose server reports nothing). */
  Health ALWAYS_OK = () -> null;

  /** Why the emulator is degraded (it ran out of memory, its threads are all busy), or null when it is not. */
  String problem();
}
