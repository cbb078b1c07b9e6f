package dev.spfemu.persist;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spfemu.cli.EmulatorJar;
import dev.spfemu.http.DemoWorld;
import dev.spfemu.persist.Ledger.Entity;
import dev.spfemu.persist.Ledger.Kind;
import dev.spfemu.persist.Ledger.Op;
import dev.spfemu.persist.Ledger.Slot;
import dev.spfemu.persist.Ledger.Verb;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The crash test's write load on the demo subscription: one thread per ledger slot, each sending one request
 * at a time and writing down what each answer said, until the child is killed under them. Checkpoints of the
 * seed VM are created (the seed exchange's POST: the checkpoint and its job in one unit), described (MERGE)
 * and deleted; VMs are created from the demo template (the VM, its disk, drives, adapter, quota usage and
 * job in one unit), described and deleted.
 */
final class WriteLoad {

  /** A slot keeps at most this many checkpoints, so the world and what each restart reads stay small. */
  private static final int MOST_CHECKPOINTS = 15;

  private final ServiceCalls calls;
  private final Ledger ledger;
  private final int cycle;
  private final AtomicBoolean killed = new AtomicBoolean();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new ArrayList<>();

  WriteLoad(String baseUrl, Ledger ledger, int cycle) {
    this.calls = new ServiceCalls(baseUrl);
    this.ledger = ledger;
    this.cycle = cycle;
  }

  /** Starts one thread per slot, each drawing its requests from its own generator seeded by {@code random}. */
  void start(Random random) {
    for (Slot slot : ledger.slots()) {
      Random own = new Random(random.nextLong());
      Thread thread = new Thread(() -> run(slot, own), "crash-load-" + slot.number);
      threads.add(thread);
      thread.start();
    }
  }

  /** Kills the child under the load (SIGKILL, as {@code kill -9}) and waits for every thread to stop. */
  void killUnder(Process child) throws InterruptedException {
    // set first: a request failing while this is false failed for another reason than the kill
    killed.set(true);
    EmulatorJar.kill(child);
    child.waitFor();
    for (Thread thread : threads) {
      thread.join();
    }
  }

  /** One create on its own, answered or not: whether the emulator takes writes. */
  void createOne() {
    send(ledger.slots().get(0), create(ledger.slots().get(0), Kind.CHECKPOINT));
  }

  /** Answers that were not 2xx, and requests that got no answer before the kill: none is expected. */
  List<String> problems() {
    return problems;
  }

  private void run(Slot slot, Random random) {
    try {
      while (!killed.get() && send(slot, next(slot, random))) {
        // each answer is written down by send; the loop ends at the first request without one
      }
    } catch (RuntimeException e) {
      problems.add("load thread " + slot.number + " failed: " + e);
    }
  }

  /** Creates most of the time (so the world has something to delete, update and check), within bounds. */
  private Op next(Slot slot, Random random) {
    int roll = random.nextInt(100);
    if (roll < 10) {
      // one VM per slot at most: the demo subscription's VM quota leaves room for 8 more
      List<Entity> vms = slot.live(Kind.VM);
      if (vms.isEmpty()) {
        return create(slot, Kind.VM);
      }
      return roll < 5 ? new Op(Verb.DELETE, vms.get(0), null) : update(slot, vms.get(0));
    }
    List<Entity> checkpoints = slot.live(Kind.CHECKPOINT);
    if (checkpoints.isEmpty() || roll >= 50 && checkpoints.size() < MOST_CHECKPOINTS) {
      return create(slot, Kind.CHECKPOINT);
    }
    Entity checkpoint = checkpoints.get(random.nextInt(checkpoints.size()));
    return roll < 35 || roll >= 50 ? new Op(Verb.DELETE, checkpoint, null) : update(slot, checkpoint);
  }

  private Op create(Slot slot, Kind kind) {
    Entity entity = new Entity(kind, slot.newName(kind, cycle));
    slot.live.add(entity);
    return new Op(Verb.CREATE, entity, null);
  }

  private Op update(Slot slot, Entity entity) {
    // unique, so that after a restart the value tells whether an update in flight happened
    return new Op(Verb.UPDATE, entity, entity.name + " described in cycle " + cycle + " #" + slot.ops.size());
  }

  /** Sends one request and writes down its answer; false when it got none (the child is gone). */
  private boolean send(Slot slot, Op op) {
    slot.ops.add(op);
    op.entity.inFlight = op;
    HttpResponse<String> answer;
    try {
      answer = calls.send(method(op), path(op), body(op));
    } catch (IOException e) {
      if (!killed.get()) {
        problems.add("no answer to the " + op + ", before the child was killed: " + e);
      }
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problems.add("interrupted sending the " + op);
      return false;
    }
    op.entity.inFlight = null;
    op.status = answer.statusCode();
    if (!op.acknowledged()) {
      problems.add("the " + op + " was answered " + op.status + ": " + answer.body());
      if (op.verb == Verb.CREATE) {
        slot.live.remove(op.entity);
      }
      return true;
    }
    op.applied = true;
    op.job = answer.headers().firstValue("x-ms-request-id").orElse(null);
    switch (op.verb) {
      case CREATE -> {
        JsonNode created = ServiceCalls.json(answer.body());
        op.entity.id = ServiceCalls.text(created, "ID");
        op.entity.description = ServiceCalls.text(created, "Description");
      }
      case UPDATE -> op.entity.description = op.description;
      case DELETE -> {
        slot.live.remove(op.entity);
        slot.gone.add(op.entity);
      }
      default -> throw new IllegalStateException(op.verb.name());
    }
    return true;
  }

  private static String method(Op op) {
    return switch (op.verb) {
      case CREATE -> "POST";
      case UPDATE -> "MERGE";
      case DELETE -> "DELETE";
    };
  }

  private static String path(Op op) {
    if (op.verb != Verb.CREATE) {
      return ServiceCalls.key(op.entity.kind.set, op.entity.id);
    }
    // a VM create waits for its job, so its disks and adapter are made before the answer
    return op.entity.kind == Kind.VM ? "VirtualMachines?RunAsynchronously=0" : "VMCheckPoints";
  }

  private static String body(Op op) {
    return switch (op.verb) {
      case CREATE -> op.entity.kind == Kind.VM ? DemoWorld.vmFromTemplateBody(op.entity.name)
          : DemoWorld.seedRequest(op.entity.name);
      case UPDATE -> "{\"Description\":\"" + op.description + "\"}";
      case DELETE -> null;
    };
  }
}
