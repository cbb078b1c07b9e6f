package dev.spfemu.vmm.storage;

import dev.spfemu.store.EntityKey;
import dev.spfemu.store.EntityRecord;
import dev.spfemu.store.EntityStore;
import dev.spfemu.store.SecondaryIndex;
import dev.spfemu.vmm.entity.StoredSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Which virtual hard disks a new VM's disks are made from: the one the create names
 * ({@code VirtualHardDiskId}), else its template's: the disks of the template's disk drives (those
 * whose {@code TemplateId} is the template, by bus and LUN), the template's own
 * {@code VirtualHardDiskId} first if no drive holds it, then the disks whose {@code TemplateId} is the
 * template. Disks that are not there are skipped (whether a reference must exist is the references
 * rule's). The template's drives and disks are found through store indexes, not by scanning.
 */
final class DiskSources {

  /** One disk the VM gets: the disk it is made from and, if a template's drive places it, that drive. */
  record Source(EntityRecord disk, EntityRecord templateDrive) {
  }

  /** The disks a VM gets, and the template's {@code TotalVHDCapacity} (null without a template). */
  record Plan(List<Source> sources, Long templateCapacity) {

    /** What the VM's disks take at most: their maximum sizes, else the template's capacity; 0 without either. */
    long totalSize(StorageFields fields) {
      if (sources.isEmpty()) {
        return templateCapacity != null ? templateCapacity : 0L;
      }
      long total = 0;
      for (Source source : sources) {
        Long maximum = fields.diskMaximumSize.get(source.disk()::value);
        total += maximum != null ? maximum : 0L;
      }
      return total;
    }
  }

  private final EntityStore store;
  private final StoredSet templates;
  private final StoredSet disks;
  private final StoredSet drives;
  private final StorageFields fields;
  private final SecondaryIndex templateDrives;
  private final SecondaryIndex templateDisks;

  DiskSources(EntityStore store, StoredSet templates, StoredSet disks, StoredSet drives, StorageFields fields) {
    this.store = store;
    this.templates = templates;
    this.disks = disks;
    this.drives = drives;
    this.fields = fields;
    this.templateDrives = store.index(drives.type().entitySet(), fields.driveTemplate.index(),
        fields.driveStamp.index());
    this.templateDisks = store.index(disks.type().entitySet(), fields.diskTemplate.index(), fields.diskStamp.index());
  }

  /** The disks a VM on {@code stamp} that names this disk and template gets. */
  Plan of(String subscription, UUID stamp, UUID disk, UUID template) {
    if (stamp == null) {
      return new Plan(List.of(), null);
    }
    if (disk != null) {
      return new Plan(disks.find(subscription, EntityKey.of(disk, stamp)).map(found -> new Source(found, null))
          .stream().toList(), null);
    }
    EntityRecord source = template == null ? null : templates.find(subscription, EntityKey.of(template, stamp))
        .orElse(null);
    if (source == null) {
      return new Plan(List.of(), null);
    }
    List<Source> sources = new ArrayList<>();
    Set<UUID> taken = new HashSet<>();
    List<EntityRecord> placed = new ArrayList<>(store.findBy(subscription, templateDrives, EntityKey.of(template, stamp)));
    placed.sort(Comparator.comparing((EntityRecord d) -> orZero(fields.driveBus.get(d::value)))
        .thenComparing(d -> orZero(fields.driveLun.get(d::value))));
    for (EntityRecord drive : placed) {
      UUID id = fields.driveDisk.get(drive::value);
      if (id != null && !taken.contains(id)) {
        disks.find(subscription, EntityKey.of(id, stamp)).ifPresent(found -> {
          sources.add(new Source(found, drive));
          taken.add(id);
        });
      }
    }
    UUID own = fields.templateDisk.get(source::value);
    if (own != null && !taken.contains(own)) {
      disks.find(subscription, EntityKey.of(own, stamp)).ifPresent(found -> {
        sources.add(0, new Source(found, null));
        taken.add(own);
      });
    }
    List<EntityRecord> tagged = new ArrayList<>(store.findBy(subscription, templateDisks, EntityKey.of(template, stamp)));
    tagged.sort(Comparator.comparing(d -> fields.diskId.get(d::value)));
    for (EntityRecord candidate : tagged) {
      if (taken.add(fields.diskId.get(candidate::value))) {
        sources.add(new Source(candidate, null));
      }
    }
    return new Plan(List.copyOf(sources), fields.templateCapacity.get(source::value));
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
