package dev.spfemu.odata.edm;

import dev.spfemu.model.ModelLoader;
import dev.spfemu.model.ServiceModel;
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
 * the constructor touches every part of the model before the first request can.
 */
public final class VmmEdm {

  private final ServiceModel model;
  private final Edm edm;
  private final byte[] metadataDocument;

  public VmmEdm(ServiceModel model) {
    this.model = model;
    // through the API's factory (one reflective look-up per emulator) rather than Olingo's core classes
    this.edm = RuntimeDelegate.createEdm(new VmmEdmProvider(model));
    warm();
    this.metadataDocument = MetadataWriter.write(model);
  }

  public static VmmEdm loadDefault() {
    return new VmmEdm(ModelLoader.loadDefault());
  }

  public ServiceModel model() {
    return model;
  }

  public Edm edm() {
    return edm;
  }

  /** The EDMX document served at {@code $metadata}, UTF-8. Never modify the array. */
  public byte[] metadataDocument() {
    return metadataDocument;
  }

  private void warm() {
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
  private void warmNavigation(EdmEntitySet set, EdmNavigationProperty navigation) throws EdmException {
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
