package dev.spfemu.vmm.machine;

import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.Field;
import dev.spfemu.model.PropertyModel;
import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.vmm.entity.StoredSet;
import java.util.List;
import java.util.UUID;

/**
 * The hardware a new VM takes from the template ({@code VMTemplateId}) or hardware profile
 * ({@code HardwareProfileId}) it names, as {@code New-SCVirtualMachine} does: CPUs, memory, dynamic
 * memory and, from a template, the operating system. A value the create sent wins; the profile's
 * comes before the template's. A template or profile that is not there gives nothing (whether the
 * reference must exist is the references rule's business). Which properties are copied is resolved
 * once, and each pair checked to have the same EDM type ({@code MemoryWeight} and
 * {@code DynamicMemoryBufferPercentage}, Int16 on a template and Int32 on a VM, are not copied).
 */
public final class HardwareDefaults {

  private static final List<String> FROM_TEMPLATE = List.of("CPUCount", "CPUMax", "CPUReserve", "CPUType",
      "Memory", "DynamicMemoryEnabled", "DynamicMemoryMaximumMB",
      "OperatingSystem", "OperatingSystemInstance", "Generation", "LimitCPUForMigration", "LimitCPUFunctionality");
  private static final List<String> FROM_PROFILE = List.of("CPUCount", "CPUMax", "CPUReserve", "Memory", "Generation",
      "LimitCPUForMigration", "LimitCPUFunctionality");

  private final Field<UUID> stamp;
  private final Source profile;
  private final Source template;

  public HardwareDefaults(EntityTypeModel vm, StoredSet templates, StoredSet profiles) {
    this.stamp = Field.guid(vm, "StampId");
    this.profile = new Source(vm, "HardwareProfileId", profiles, FROM_PROFILE);
    this.template = new Source(vm, "VMTemplateId", templates, FROM_TEMPLATE);
  }

  /** Fills the hardware the VM was not sent from its profile, then its template. */
  void fill(String subscription, Object[] vm) {
    profile.fill(subscription, vm, stamp.get(vm));
    template.fill(subscription, vm, stamp.get(vm));
  }

  /** One kind of source: the VM's reference to it, its set, and which of its properties go where. */
  private static final class Source {
    private final Field<UUID> reference;
    private final StoredSet set;
    private final int[] from;
    private final int[] to;

    Source(EntityTypeModel vm, String reference, StoredSet set, List<String> names) {
      this.reference = Field.guid(vm, reference);
      this.set = set;
      this.from = new int[names.size()];
      this.to = new int[names.size()];
      for (int i = 0; i < names.size(); i++) {
        PropertyModel source = property(set.type(), names.get(i));
        PropertyModel target = property(vm, names.get(i));
        if (!source.typeName().equals(target.typeName())) {
          throw new IllegalStateException(names.get(i) + " is " + source.typeName() + " on " + set.type().name()
              + " but " + target.typeName() + " on " + vm.name());
        }
        from[i] = source.index();
        to[i] = target.index();
      }
    }

    private static PropertyModel property(EntityTypeModel type, String name) {
      PropertyModel property = type.property(name);
      if (property == null) {
        throw new IllegalStateException(type.name() + " has no property " + name);
      }
      return property;
    }

    void fill(String subscription, Object[] vm, UUID stamp) {
      UUID id = reference.get(vm);
      if (id == null || stamp == null) {
        return;
      }
      EntityRecord source = set.find(subscription, EntityKey.of(id, stamp)).orElse(null);
      if (source == null) {
        return;
      }
      for (int i = 0; i < from.length; i++) {
        if (vm[to[i]] == null) {
          vm[to[i]] = source.value(from[i]);
        }
      }
    }
  }
}
