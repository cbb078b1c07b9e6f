package dev.spfemu.store;

/**
 * Told of every change of an {@link InMemoryEntityStore}, for the change log of {@code --data-dir}
 * (docs/design/data-dir.md). {@link #changed} runs inside the store's atomic operation on that key, so
 * for one entity the calls come in the order the changes applied, and {@code sequence} (one counter
 * per store, drawn there) orders them: a later change of an entity always has a higher sequence. Keep
 * it quick and never call back into the store from it.
 */
public interface StoreListener {

  /** Listens to nothing: the store's fast paths stay as they are. */
  StoreListener NONE = new StoreListener() {
    @Override
    public void changed(String subscription, String entitySet, EntityRecord after, EntityKey key, long sequence) {
    }

    @Override
    public void cleared(String subscription) {
    }
  };

  /**
   * An entity was stored or replaced ({@code after} its new record) or removed ({@code after} null).
   *
   * @param subscription as stored: lower case
   */
  void changed(String subscription, String entitySet, EntityRecord after, EntityKey key, long sequence);

  /** Every entity of {@code subscription} (lower case), or of every subscription when null, was forgotten. */
  void cleared(String subscription);
}
