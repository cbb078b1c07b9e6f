package dev.spfemu.capture;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.Guids;
import dev.spfemu.model.ModelLoader;
import dev.spfemu.model.ServiceModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads every entity set of a live SPF VMM service and writes it as a world file that
 * {@code --seed-file} loads (docs/operations.md, "Capturing a real SPF's world"): per subscription,
 * the sets of the model that the root offers, then SPF's Admin service (stamps, servers, tenants)
 * when it is reachable beside an SPF root.
 */
public final class WorldCapture {

  /** The section of a world file that holds SPF's Admin service (SpfAdmin.WORLD_SECTION). */
  static final String ADMIN_SECTION = "admin";

  private final CaptureOptions options;
  private final Progress progress;
  private final ServiceModel vmm = ModelLoader.loadDefault();
  private final ServiceModel admin = ModelLoader.loadResource(ModelLoader.ADMIN_RESOURCE);
  private final JsonFactory json = new ObjectMapper().getFactory();
  private ServiceClient client;
  private FeedReader reader;
  private final Summary summary = new Summary();

  /**
   * @param err where progress goes, only when {@code terminal}
   */
  public WorldCapture(CaptureOptions options, PrintStream err, boolean terminal) {
    this.options = options;
    this.progress = new Progress(err, terminal);
  }

  /** What was captured: the lines of the summary. */
  public static final class Summary {
    int sets;
    int entities;
    int subscriptions;
    int adminEntities;
    int droppedProperties;
    final List<String> notOffered = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    public int entities() {
      return entities;
    }

    public List<String> lines(Path out) {
      List<String> lines = new ArrayList<>();
      lines.add("Captured " + entities + " entities in " + sets + " entity sets of " + subscriptions
          + " subscription(s)" + (adminEntities > 0 ? " and " + adminEntities + " of SPF's Admin service" : "")
          + " into " + out);
      if (!notOffered.isEmpty()) {
        lines.add("Not offered by the service (skipped): " + String.join(", ", notOffered));
      }
      if (droppedProperties > 0) {
        lines.add("Left out " + droppedProperties + " values of properties the emulator's model does not have");
      }
      lines.addAll(notes);
      return lines;
    }
  }

  /** Captures the service into the options' file (written whole, or not at all). */
  public Summary run() throws CaptureException {
    ServiceRoot root = ServiceRoot.of(options.from());
    client = ServiceClient.of(options);
    reader = new FeedReader(client);
    checkServiceDocument(root.url());
    List<ServiceRoot> roots = new ArrayList<>();
    String adminRoot = root.adminRoot();
    boolean adminReachable = root.subscription() == null && adminRoot != null && offers(adminRoot + "Tenants");
    if (root.subscription() != null) {
      roots.add(root);
    } else {
      for (String subscription : subscriptions(adminReachable ? adminRoot : null)) {
        ServiceRoot one = root.forSubscription(subscription);
        checkServiceDocument(one.url());
        roots.add(one);
      }
    }
    Path out = options.out().toAbsolutePath();
    Path temporary = out.resolveSibling(out.getFileName() + ".capturing");
    try {
      try (OutputStream file = Files.newOutputStream(temporary); JsonGenerator g = json.createGenerator(file)) {
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeArrayFieldStart("subscriptions");
        for (ServiceRoot one : roots) {
          g.writeStartObject();
          g.writeStringField("id", one.subscription());
          g.writeObjectFieldStart("entities");
          summary.entities += captureSets(g, one.url(), vmm, one.tenant(), "subscription " + one.subscription());
          g.writeEndObject();
          g.writeEndObject();
          summary.subscriptions++;
        }
        g.writeEndArray();
        if (adminReachable && root.subscription() == null) {
          g.writeObjectFieldStart(ADMIN_SECTION);
          g.writeObjectFieldStart("entities");
          summary.adminEntities = captureSets(g, adminRoot, admin, false, "Admin service");
          g.writeEndObject();
          g.writeEndObject();
        }
        g.writeEndObject();
      }
      progress.done();
      Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new CaptureException("Cannot write " + out + ": " + e.getMessage(), e);
    } finally {
      progress.done();
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // the capture's own outcome is what matters
      }
    }
    return summary;
  }

  /** Every set of {@code model} that {@code rootUrl} offers, as fields of the open object. */
  private int captureSets(JsonGenerator g, String rootUrl, ServiceModel model, boolean tenant, String where)
      throws CaptureException {
    List<EntityTypeModel> types = new ArrayList<>(model.entityTypes());
    int total = 0;
    int done = 0;
    for (EntityTypeModel type : types) {
      if (tenant && type.adminOnly()) {
        note(type.entitySet() + " (admin only, not on a tenant root)");
        done++;
        continue;
      }
      int[] count = {0};
      int[] dropped = {0};
      boolean[] open = {false};
      int setsDone = done;
      FeedReader.Outcome outcome = reader.read(rootUrl + type.entitySet(), () -> { }, entity -> {
        if (!open[0]) { // a set without entities is left out, as an export leaves it out
          g.writeArrayFieldStart(type.entitySet());
          open[0] = true;
        }
        g.writeTree(EntityCleaner.clean(type, entity, dropped));
        count[0]++;
        progress.show(where, type.entitySet(), count[0], setsDone, types.size());
      });
      if (open[0]) {
        try {
          g.writeEndArray();
        } catch (IOException e) {
          throw new CaptureException("Cannot write " + options.out() + ": " + e.getMessage(), e);
        }
      }
      if (outcome == FeedReader.Outcome.NOT_OFFERED) {
        note(type.entitySet() + " (" + where + ")");
      } else {
        summary.sets++;
      }
      summary.droppedProperties += dropped[0];
      total += count[0];
      done++;
    }
    return total;
  }

  private void note(String notOffered) {
    if (!summary.notOffered.contains(notOffered)) {
      summary.notOffered.add(notOffered);
    }
  }

  /**
   * The subscriptions to read on the all-subscriptions root: those of {@code --subscription}, else
   * the subscriptions of the Admin service's tenants [I]: the all-subscriptions root does not say
   * which subscription an entity belongs to, and a world file needs it.
   */
  private List<String> subscriptions(String adminRoot) throws CaptureException {
    TreeSet<String> ids = new TreeSet<>();
    for (String id : options.subscriptions()) {
      if (!Guids.isGuid(id)) {
        throw new CaptureException("--subscription " + id + " is not a GUID");
      }
      ids.add(id.toLowerCase());
    }
    if (!ids.isEmpty()) {
      return List.copyOf(ids);
    }
    if (adminRoot != null) {
      reader.read(adminRoot + "Tenants", () -> { }, tenant -> {
        String id = tenant.path("SubscriptionID").asText(null);
        if (id != null && Guids.isGuid(id)) {
          ids.add(id.toLowerCase());
        }
      });
      summary.notes.add("Subscriptions from the Admin service's Tenants: " + ids.size());
    }
    if (ids.isEmpty()) {
      throw new CaptureException("The all-subscriptions root does not say which subscription an entity belongs to,"
          + " and SPF's Admin service lists no tenant there: name them with --subscription ID");
    }
    return List.copyOf(ids);
  }

  /** Whether {@code url} answers 200 (a set the service offers). */
  private boolean offers(String url) throws CaptureException {
    ServiceClient.Reply reply = client.get(url);
    try (InputStream body = reply.body()) {
      body.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      return false;
    }
    return reply.status() == 200;
  }

  /** The root answers with an OData service document (JSON light's {@code value}, or Atom's), or the capture stops. */
  private void checkServiceDocument(String url) throws CaptureException {
    ServiceClient.Reply reply = client.get(url);
    try (InputStream body = reply.body()) {
      if (reply.status() == 404) {
        throw new CaptureException("404 Not Found at " + url + ": no SPF VMM service there (check --from)");
      }
      if (reply.status() != 200) {
        throw new CaptureException(reply.status() + " from " + url + ": the service root did not answer");
      }
      byte[] document = body.readNBytes(1 << 20);
      if (reply.isXml()) {
        if (!new String(document, java.nio.charset.StandardCharsets.UTF_8).contains("<service")) {
          throw new CaptureException(url + " is not an OData service: its root has no Atom service document");
        }
        return;
      }
      try {
        if (!new ObjectMapper().readTree(document).path("value").isArray()) {
          throw new CaptureException(url + " is not an OData service: its root has no JSON light service document");
        }
      } catch (IOException e) {
        throw new CaptureException(url + " is not an OData service: its root did not answer with JSON light", e);
      }
    } catch (IOException e) {
      throw new CaptureException("Cannot read " + url + ": " + e.getMessage(), e);
    }
  }
}
