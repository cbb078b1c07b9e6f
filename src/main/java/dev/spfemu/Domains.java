package dev.spfemu;

import dev.spfemu.journal.RequestJournal;
import dev.spfemu.journal.SecretMask;
import dev.spfemu.model.ModelLoader;
import dev.spfemu.odata.edm.VmmEdm;
import dev.spfemu.odata.processor.ODataPipeline;
import dev.spfemu.odata.processor.WorldEntityJson;
import dev.spfemu.store.IdGenerator;
import dev.spfemu.store.InMemoryEntityStore;
import dev.spfemu.store.UnitOfWork;
import dev.spfemu.vmm.Vmm;
import dev.spfemu.vmm.spfadmin.SpfAdmin;
import java.io.IOException;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The domains of the two SPF web services an emulator serves (VMM, and SPF's Admin over it), each
 * over a store of its own, with their EDMs; and how a world file replaces their state: only once it
 * is known to load.
 *
 * @param edm the VMM service's EDM and model
 * @param adminEdm the Admin service's
 */
record Domains(VmmEdm edm, VmmEdm adminEdm, Vmm vmm, SpfAdmin spfAdmin, EmulatorOptions options,
    SettableClock clock, UnitOfWork units) {

  /** The names of the web services' stores in a data directory's log. */
  static final String VMM = "vmm";
  static final String ADMIN = "admin";

  /** Both domains over empty stores, their models loaded. */
  static Domains create(EmulatorOptions options, IdGenerator ids, SettableClock clock) {
    return create(options, ids, clock, name -> new InMemoryEntityStore(), UnitOfWork.NONE);
  }

  /** Both domains over the stores {@code stores} makes by service name, their changes kept in {@code units}. */
  static Domains create(EmulatorOptions options, IdGenerator ids, SettableClock clock,
      Function<String, InMemoryEntityStore> stores, UnitOfWork units) {
    // Olingo's forms of the models are built beside the world's load, which needs only ours (VmmEdm)
    VmmEdm edm = VmmEdm.inBackground(ModelLoader.loadDefault());
    // SPF's Admin web service: its own model and store (stamps and tenants are SPF's, not a
    // subscription's), over the same VMM, whose user roles its tenants get
    VmmEdm adminEdm = VmmEdm.inBackground(ModelLoader.loadResource(ModelLoader.ADMIN_RESOURCE));
    return over(edm, adminEdm, options, ids, clock, stores, units);
  }

  private static Domains over(VmmEdm edm, VmmEdm adminEdm, EmulatorOptions options, IdGenerator ids,
      SettableClock clock, Function<String, InMemoryEntityStore> stores, UnitOfWork units) {
    Vmm vmm = Vmm.create(edm.model(), stores.apply(VMM), ids, clock, options.jobDuration(),
        new WorldEntityJson(), options.limits().entitiesPerSubscription());
    SpfAdmin spfAdmin = SpfAdmin.create(adminEdm.model(), stores.apply(ADMIN), ids, clock, vmm,
        new WorldEntityJson());
    return new Domains(edm, adminEdm, vmm, spfAdmin, options, clock, units);
  }

  /** The VMM service's pipeline, with the options' page size and request limits. */
  ODataPipeline pipeline() {
    return new ODataPipeline(edm, vmm, clock, options.pageSize(), options.limits().requests(), units);
  }

  /** The pipeline of SPF's Admin web service, likewise. */
  ODataPipeline adminPipeline() {
    return new ODataPipeline(adminEdm, spfAdmin, clock, options.pageSize(), options.limits().requests(),
        units);
  }

  /** A request journal of the options' size and body limit that masks the secrets of both services' models. */
  RequestJournal journal() {
    return new RequestJournal(options.journalSize(), options.limits().journalBodyBytes(), SecretMask.of(Stream.concat(
        edm.model().secretNames().stream(), adminEdm.model().secretNames().stream()).toList()));
  }

  /**
   * Replaces the whole state with the world {@code file}, or leaves it untouched when the file is not
   * a valid, consistent world: the file is first loaded into scratch domains of the same models (a
   * world can fail late, in the consistency check after every entity is stored), and only once it
   * loads there is the state replaced, by the same deterministic load.
   *
   * @throws IllegalArgumentException when the file is not a valid world; nothing changed
   */
  void replaceWorld(byte[] file, String source) throws IOException {
    // draws no seeded ID, and keeps nothing
    Domains scratch = over(edm, adminEdm, options, IdGenerator.random(), clock, name -> new InMemoryEntityStore(),
        UnitOfWork.NONE);
    try {
      load(scratch.vmm(), scratch.spfAdmin(), file, source);
    } finally {
      scratch.vmm().close();
    }
    vmm.reset();
    spfAdmin.reset();
    load(vmm, spfAdmin, file, source);
  }

  private static void load(Vmm vmm, SpfAdmin spfAdmin, byte[] file, String source) throws IOException {
    vmm.loadWorld(new java.io.ByteArrayInputStream(file), source, null);
    spfAdmin.loadWorld(new java.io.ByteArrayInputStream(file), source);
  }
}
