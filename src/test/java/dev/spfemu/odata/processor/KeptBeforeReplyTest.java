package dev.spfemu.odata.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spfemu.error.ServiceException;
import dev.spfemu.format.ServiceUrls;
import dev.spfemu.odata.edm.VmmEdm;
import dev.spfemu.store.IdGenerator;
import dev.spfemu.store.InMemoryEntityStore;
import dev.spfemu.store.UnitOfWork;
import dev.spfemu.vmm.Vmm;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A request's changes are one unit of work, committed before the first byte of its reply: a client never
 * reads a 2xx for a change that is not kept, and a change that cannot be kept is a 503 in its format.
 */
class KeptBeforeReplyTest {

  private static final String SUBSCRIPTION = "ae122d5f-3aab-4d75-ad48-d6593246a49e";
  private static final String STAMP = "d70c1a9b-c241-48f5-880a-b6c36071e653";

  private final VmmEdm edm = VmmEdm.loadDefault();
  private final Vmm vmm = Vmm.create(edm.model(), new InMemoryEntityStore(), IdGenerator.seeded(1),
      Clock.systemUTC(), Duration.ZERO, new WorldEntityJson());
  private final List<String> events = new ArrayList<>();

  @AfterEach
  void close() {
    vmm.close();
  }

  /** Records begin and commit among the reply's events; fails the commit when asked. */
  private UnitOfWork units(boolean failing) {
    return new UnitOfWork() {
      private boolean open;

      @Override
      public void begin() {
        events.add("begin");
        open = true;
      }

      @Override
      public void commit() {
        if (!open) {
          return; // as the change log: a second commit ends nothing
        }
        open = false;
        events.add("commit");
        if (failing) {
          throw new ServiceException(503, "DataDirectoryFailed", "The change could not be written.");
        }
      }
    };
  }

  private String post(UnitOfWork units, String accept, String body) {
    ODataPipeline pipeline = new ODataPipeline(edm, vmm, Clock.systemUTC(), 100, RequestLimits.DEFAULTS, units);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    pipeline.handle(new ODataCall("POST", SUBSCRIPTION, new ServiceUrls("http://localhost/"), "VMNetworks", null,
        name -> switch (name.toLowerCase()) {
          case "accept" -> accept;
          case "content-type" -> "application/json";
          default -> null;
        }, () -> body.getBytes(StandardCharsets.UTF_8), false),
        new ResponseSink() {
          @Override
          public void status(int code) {
            events.add("status " + code);
          }

          @Override
          public void header(String name, String value) {
          }

          @Override
          public OutputStream body() {
            events.add("body");
            return out;
          }
        });
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String cloud() {
    return "{\"StampId\":\"" + STAMP + "\",\"Name\":\"kept\"}";
  }

  @Test
  void theUnitIsCommittedBeforeTheReplyBegins() {
    post(units(false), "application/json", cloud());
    assertThat(events).containsExactly("begin", "commit", "status 201", "body");
  }

  @Test
  void aChangeThatCannotBeKeptIsA503InTheClientsFormat() {
    String json = post(units(true), "application/json", cloud());
    assertThat(events).containsSubsequence("begin", "commit", "status 503", "body");
    assertThat(events).doesNotContain("status 201");
    assertThat(json).contains("DataDirectoryFailed").contains("could not be written");

    events.clear();
    String atom = post(units(true), "application/atom+xml", cloud());
    assertThat(events).contains("status 503");
    assertThat(atom).startsWith("<?xml").contains("could not be written");
  }

  @Test
  void anErrorReplyStaysTheErrorItWasWhenTheUnitCannotBeKept() {
    String json = post(units(true), "application/json", "{\"Name\":");
    assertThat(events).contains("status 400").doesNotContain("status 503");
    assertThat(json).doesNotContain("DataDirectoryFailed");
  }
}
