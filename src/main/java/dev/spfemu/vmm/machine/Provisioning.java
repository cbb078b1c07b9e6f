package dev.spfemu.vmm.machine;

import dev.spfemu.model.EntityValues;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a new VM gets besides itself (its network adapters, its disks and drives): checked when the
 * create arrives, so a bad input stores nothing, and made when the creation job completes. The
 * wiring supplies it, so this package knows neither networks nor storage.
 */
@FunctionalInterface
public interface Provisioning {

  /** Checks the create's inputs (4xx) and returns what is done for this VM. */
  Prepared prepare(String subscription, EntityValues vm);

  /** What one create gets, once its inputs were checked. */
  interface Prepared {

    /**
     * Sets the values the new VM shows from the create's answer on (after its hardware defaults),
     * in its stored values; nothing by default.
     */
    default void fill(Object[] vm) {
    }

    /** What the creation job does with the stored VM when it completes; a {@code JobFailure} fails the job. */
    void complete(EntityValues vm);

    /** Only a completion. */
    static Prepared completing(Consumer<EntityValues> completion) {
      return completion::accept;
    }
  }

  /**
   * These provisionings in this order: every check first, then each one's fill, and at completion
   * each one's in turn. One that can fail the job comes first, so that a failure leaves nothing made
   * by the later ones.
   */
  static Provisioning inOrder(List<Provisioning> steps) {
    return (subscription, vm) -> {
      List<Prepared> prepared = new ArrayList<>(steps.size());
      for (Provisioning step : steps) {
        prepared.add(step.prepare(subscription, vm));
      }
      return new Prepared() {
        @Override
        public void fill(Object[] values) {
          prepared.forEach(each -> each.fill(values));
        }

        @Override
        public void complete(EntityValues stored) {
          prepared.forEach(each -> each.complete(stored));
        }
      };
    };
  }
}
