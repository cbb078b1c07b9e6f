package dev.spfemu.persist;

/**
 * What is kept beside the entities: how many GUIDs a seeded generator has drawn (a restart must not draw
 * them again) and how the emulator's clock is set (fixed, or shifted).
 */
public interface KeptSettings {

  /** GUIDs drawn so far; 0 when they are random (nothing to skip). */
  long idDraws();

  /** Draws and drops {@code draws} GUIDs, so the next one is new. */
  void skipIds(long draws);

  /** The clock's setting, as a string {@link #restoreClock} reads back. */
  String clock();

  void restoreClock(String setting);
}
