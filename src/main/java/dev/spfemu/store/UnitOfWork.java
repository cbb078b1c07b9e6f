package dev.spfemu.store;

/**
 * Groups the changes one thread makes to the stores into a unit that is kept whole or not at all
 * (docs/design/data-dir.md): a request's changes, a job step's. With {@code --data-dir} the unit is one
 * record of the change log, on disk when {@link #commit()} returns; without, both calls do nothing.
 * Every {@link #begin()} is followed by a {@link #commit()} on the same thread, in a {@code finally}.
 */
public interface UnitOfWork {

  /** Keeps nothing: the changes are in memory only. */
  UnitOfWork NONE = new UnitOfWork() {
    @Override
    public void begin() {
    }

    @Override
    public void commit() {
    }
  };

  /** Starts a unit on this thread (or nests in the one open here). */
  void begin();

  /**
   * Ends this thread's unit: once it returns, every change the unit made is kept. Does nothing when no
   * unit is open here (a second call after an early commit).
   *
   * @throws dev.spfemu.error.ServiceException 503 when the changes could not be kept (the disk failed)
   */
  void commit();
}
