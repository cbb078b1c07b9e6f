package dev.spfemu.persist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the crash test's load was told about the entities it made: each create, update and delete answered 2xx
 * (acknowledged, so it must survive the kill), and the one request per load thread sent without an answer
 * when the child was killed (its outcome unknown, so it may have happened or not, but wholly or not at all).
 *
 * <p>Each entity belongs to one slot (one load thread per slot per cycle) for its whole life, so at most one
 * request about it is in flight, and the ledger needs no locks: a slot's thread is started after and joined
 * before the test's own thread reads or changes it.
 */
final class Ledger {

  /** The entity sets the load writes; a change of either is a VMM job named after its cmdlet. */
  enum Kind {
    CHECKPOINT("VMCheckPoints", "SCVMCheckpoint"),
    VM("VirtualMachines", "SCVirtualMachine");

    final String set;
    private final String noun;

    Kind(String set, String noun) {
      this.set = set;
      this.noun = noun;
    }

    /** The cmdlet of the job that {@code verb} on this kind runs, e.g. {@code New-SCVMCheckpoint}. */
    String cmdlet(Verb verb) {
      return verb.cmdletVerb + "-" + noun;
    }
  }

  enum Verb {
    CREATE("New"), UPDATE("Set"), DELETE("Remove");

    private final String cmdletVerb;

    Verb(String cmdletVerb) {
      this.cmdletVerb = cmdletVerb;
    }
  }

  /** One entity the load made (or sent a create for). */
  static final class Entity {
    final Kind kind;
    /** Unique over the whole run: how an entity whose create was never answered is found after the restart. */
    final String name;
    /** From the create's answer, or found after the restart; null while unknown. */
    String id;
    /** The Description the last acknowledged create or update gave it. */
    String description;
    /** The request about it that was sent and not answered when the child was killed, if any. */
    Op inFlight;

    Entity(Kind kind, String name) {
      this.kind = kind;
      this.name = name;
    }

    @Override
    public String toString() {
      return kind.set + " '" + name + "' (ID " + id + ")";
    }
  }

  /** One request of the load, and what became of it. */
  static final class Op {
    final Verb verb;
    final Entity entity;
    /** The Description an update sends. */
    final String description;
    /** The answer's status; 0 while there is none (in flight when the child was killed). */
    int status;
    /** The answer's {@code x-ms-request-id}: the job of an acknowledged change. */
    String job;
    /** Whether it happened: acknowledged, or (in flight) found applied after the restart. */
    boolean applied;

    Op(Verb verb, Entity entity, String description) {
      this.verb = verb;
      this.entity = entity;
      this.description = description;
    }

    boolean acknowledged() {
      return status / 100 == 2;
    }

    boolean inFlight() {
      return status == 0;
    }

    String cmdlet() {
      return entity.kind.cmdlet(verb);
    }

    @Override
    public String toString() {
      return verb + " of " + entity + (description == null ? "" : " to Description '" + description + "'");
    }
  }

  /** What one load thread owns. */
  static final class Slot {
    final int number;
    /** Created (acknowledged, or in flight until the restart tells) and not known to be deleted. */
    final List<Entity> live = new ArrayList<>();
    /** Deleted, acknowledged: they must stay absent. */
    final List<Entity> gone = new ArrayList<>();
    /** This cycle's requests. */
    final List<Op> ops = new ArrayList<>();
    private int names;

    Slot(int number) {
      this.number = number;
    }

    /** A name no other entity of the run has. */
    String newName(Kind kind, int cycle) {
      return "crash-" + (kind == Kind.VM ? "vm" : "cp") + "-c" + cycle + "-s" + number + "-" + names++;
    }

    List<Entity> live(Kind kind) {
      return live.stream().filter(e -> e.kind == kind).toList();
    }
  }

  private final List<Slot> slots = new ArrayList<>();

  Ledger(int slots) {
    for (int i = 0; i < slots; i++) {
      this.slots.add(new Slot(i));
    }
  }

  List<Slot> slots() {
    return slots;
  }

  /** Forgets the last cycle's requests (what they did is now in the entities). */
  void newCycle() {
    slots.forEach(slot -> slot.ops.clear());
  }

  Stream<Op> ops() {
    return slots.stream().flatMap(slot -> slot.ops.stream());
  }

  Stream<Entity> live() {
    return slots.stream().flatMap(slot -> slot.live.stream());
  }

  Stream<Entity> gone() {
    return slots.stream().flatMap(slot -> slot.gone.stream());
  }

  /** How many of this cycle's requests of each cmdlet happened: as many jobs of it must have been started. */
  Map<String, Integer> appliedPerCmdlet() {
    Map<String, Integer> applied = new TreeMap<>();
    for (Kind kind : Kind.values()) {
      for (Verb verb : Verb.values()) {
        applied.put(kind.cmdlet(verb), 0);
      }
    }
    ops().filter(op -> op.applied).forEach(op -> applied.merge(op.cmdlet(), 1, Integer::sum));
    return applied;
  }

  /** One line about this cycle's requests: acknowledged per verb, and in flight. */
  String summary() {
    long inFlight = ops().filter(Op::inFlight).count();
    return "acked " + acknowledged(Verb.CREATE) + " creates, " + acknowledged(Verb.DELETE) + " deletes, "
        + acknowledged(Verb.UPDATE) + " updates; in flight " + inFlight + " ("
        + ops().filter(op -> op.inFlight() && op.applied).count() + " found applied)";
  }

  private long acknowledged(Verb verb) {
    return ops().filter(op -> op.acknowledged() && op.verb == verb).count();
  }
}
