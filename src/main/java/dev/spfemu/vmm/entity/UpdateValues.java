package dev.spfemu.vmm.entity;

import dev.spfemu.model.ComplexValue;
import java.util.List;

/**
 * What a value in an update body does to the stored one: a null says nothing.
 *
 * <p>SPF turns an update into the parameters of a VMM cmdlet ({@code Set-SCVirtualMachine} and
 * its kind), where a null parameter is one not given. And the clients that send whole models send
 * null for every property they did not set, {@code []} for every collection and complex values
 * whose members are null: WAPack's proxy starts a VM with {@code "Name": null} and a hundred more
 * (CLIENTS.md D.5), dasein echoes what it read (D.3). So a null, an empty collection, or a null
 * member of a complex value leaves the stored value as it is (D.7 item 12, inferred). The price: an
 * update cannot clear a value, which none of the clients in CLIENTS.md does.
 */
final class UpdateValues {

  private UpdateValues() {
  }

  /** Whether {@code sent} changes anything: it is not null, an empty collection, or all-null complex value. */
  static boolean given(Object sent) {
    if (sent == null) {
      return false;
    }
    if (sent instanceof List<?> list) {
      return !list.isEmpty();
    }
    if (sent instanceof ComplexValue complex) {
      for (int i = 0; i < complex.type().properties().size(); i++) {
        if (given(complex.value(i))) {
          return true;
        }
      }
      return false;
    }
    return true;
  }

  /**
   * The value to store for a {@linkplain #given given} {@code sent}: {@code sent} itself, but for a
   * complex value whose members not given keep their stored values.
   */
  static Object merge(Object stored, Object sent) {
    if (!(sent instanceof ComplexValue update) || !(stored instanceof ComplexValue current)
        || current.type() != update.type()) {
      return sent;
    }
    Object[] members = new Object[update.type().properties().size()];
    for (int i = 0; i < members.length; i++) {
      Object member = update.value(i);
      members[i] = given(member) ? merge(current.value(i), member) : current.value(i);
    }
    return new ComplexValue(update.type(), members);
  }
}
