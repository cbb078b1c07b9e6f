package dev.spfemu.odata.edm;

import dev.spfemu.model.ModelLoader;
import dev.spfemu.model.ServiceModel;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.apache.olingo.odata2.api.edm.Edm;
import org.apache.olingo.odata2.api.edm.EdmAssociation;
import org.apache.olingo.odata2.api.edm.EdmComplexType;
import org.apache.olingo.odata2.api.edm.EdmEntitySet;
import org.apache.olingo.odata2.api.edm.EdmEntityType;
import org.apache.olingo.odata2.api.edm.EdmException;
import org.apache.olingo.odata2.api.edm.EdmNavigationProperty;
import org.apache.olingo.odata2.api.edm.EdmProperty;
import org.apache.olingo.odata2.api.rt.RuntimeDelegate;

/**
 * The model in the two forms the request path needs: our {@link ServiceModel} (property order,
 * codecs) and Olingo's {@link Edm} (URI and expression parsing). Built once per emulator.
 *
 * <p>Olingo's EDM objects fill lazy caches on first use and are not thread-safe while they do, so
 * the build touches every part of the model before the first request can.
 *
 * <p>At start the Olingo half can be built on a thread of its own ({@link #inBackground}) while the
 * start-up thread loads the world, which needs only our model; whoever asks for it first waits for it. The
 * hand-over through the finished task is what makes the warmed caches visible to every later reader.
 */
public final class VmmEdm {

  private final ServiceModel model;
  private final FutureTask<OlingoForm> olingo;

  /** Olingo's EDM, warmed, and the {@code $metadata} document. */
  private record OlingoForm(Edm edm, byte[] metadataDocument) {
  }

  /** Builds both forms now, on this thread. */
  public VmmEdm(ServiceModel model) {
    this(model, false);
  }

  private VmmEdm(ServiceModel model, boolean background) {
    this.model = model;
    this.olingo = new FutureTask<>(() -> build(model));
    if (background) {
      Thread thread = new Thread(olingo, "spf-emulator-edm");
      thread.setDaemon(true);
      thread.start();
    } else {
      olingo.run();
      olingo();
    }
  }

  /** Our model now; Olingo's EDM and the {@code $metadata} document on a thread of their own, from now. */
  public static VmmEdm inBackground(ServiceModel model) {
    return new VmmEdm(model, true);
  }

  public static VmmEdm loadDefault() {
    return new VmmEdm(ModelLoader.loadDefault());
  }

  public ServiceModel model() {
    return model;
  }

  /** Olingo's EDM; waits for it if it is still being built. */
  public Edm edm() {
    return olingo().edm();
  }

  /** The EDMX document served at {@code $metadata}, UTF-8. Never modify the array. */
  public byte[] metadataDocument() {
    return olingo().metadataDocument();
  }

  private OlingoForm olingo() {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return olingo.get();
        } catch (InterruptedException e) {
          interrupted = true; // the build finishes on its own: wait for it, then keep the interrupt
        }
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException problem) {
        throw problem;
      }
      throw new IllegalStateException("the VMM model could not be built", e.getCause());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static OlingoForm build(ServiceModel model) {
    // through the API's factory (one reflective look-up per emulator) rather than Olingo's core classes
    Edm edm = RuntimeDelegate.createEdm(new VmmEdmProvider(model));
    warm(edm);
    return new OlingoForm(edm, MetadataWriter.write(model));
  }

  private static void warm(Edm edm) {
    try {
      edm.getDefaultEntityContainer().getName();
      for (EdmEntitySet set : edm.getEntitySets()) {
        set.getName();
        set.getEntityContainer();
        EdmEntityType type = set.getEntityType();
        type.getName();
        type.getNamespace();
        type.hasStream();
        type.getKeyProperties();
        type.getKeyPropertyNames();
        for (String name : type.getNavigationPropertyNames()) {
          warmNavigation(set, (EdmNavigationProperty) type.getProperty(name));
        }
        for (String name : type.getPropertyNames()) {
          EdmProperty property = (EdmProperty) type.getProperty(name);
          property.getType();
          property.getFacets();
          property.getMapping();
          property.getMultiplicity();
          if (!property.isSimple()) {
            EdmComplexType complex = (EdmComplexType) property.getType();
            for (String member : complex.getPropertyNames()) {
              ((EdmProperty) complex.getProperty(member)).getType();
            }
          }
        }
        edm.getDefaultEntityContainer().getEntitySet(set.getName());
      }
      edm.getServiceMetadata().getDataServiceVersion();
    } catch (org.apache.olingo.odata2.api.exception.ODataException e) {
      throw new IllegalStateException("the VMM model is not a valid EDM", e);
    }
  }

  /**
   * Fills the caches a navigation segment, {@code $expand} or {@code $select} of the property
   * touches: the property itself (kept by its type), its association and the association set from
   * {@code set} (kept by the container).
   */
  private static void warmNavigation(EdmEntitySet set, EdmNavigationProperty navigation) throws EdmException {
    navigation.getName();
    navigation.getMultiplicity();
    navigation.getFromRole();
    EdmAssociation association = navigation.getRelationship();
    association.getEnd(navigation.getFromRole()).getEntityType();
    association.getEnd(navigation.getToRole()).getEntityType();
    ((EdmEntityType) navigation.getType()).getName();
    set.getRelatedEntitySet(navigation).getEntityType().getName();
  }
}
