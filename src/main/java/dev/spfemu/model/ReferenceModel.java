package dev.spfemu.model;

import java.util.List;

/**
 * A property that must name an existing entity of the same subscription and stamp, such as a
 * checkpoint's {@code VMId}.
 *
 * @param property the referring property
 * @param entitySet the set the referenced entity is in
 * @param matchedBy the referenced type's properties the value may equal, in order of preference
 *     (a checkpoint's VMId is the VM's {@code ID}, or else its hypervisor {@code VMId})
 * @param lenientWhenNone whether a subscription that holds no entity of {@code entitySet} at all
 *     accepts any value (a VM's CloudId in a fresh subscription, where a tenant cannot create clouds)
 */
public record ReferenceModel(PropertyModel property, String entitySet, List<String> matchedBy,
    boolean lenientWhenNone) {
}
