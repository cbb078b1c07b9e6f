package dev.spfemu.model;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An entity type and the entity set that holds it. Properties are kept in real SPF's order, which
 * is the order every payload writes them in; {@link PropertyModel#index()} is their position.
 */
public final class EntityTypeModel {

  private final String namespace;
  private final String name;
  private final String entitySet;
  private final List<PropertyModel> properties;
  private final List<PropertyModel> keys;
  private final Map<String, PropertyModel> byName;
  /** The properties' names as a JSON writer emits them, by index: encoded once, not once per value. */
  private final SerializableString[] jsonNames;
  private final List<PropertyModel> requiredOnCreate;
  private final boolean[] serverManaged;
  private final boolean[] secret;
  private final List<PropertyModel> secrets;
  private final List<String> setMethods;
  private final List<String> entityMethods;
  private final Map<String, String> unserved;
  private final List<ReferenceModel> references;
  private final List<StreamModel> streams;
  private final boolean adminOnly;
  private final List<String> tenantSetMethods;
  private final List<String> tenantEntityMethods;
  /** Set once by the loader, after every type exists (navigation leads to other types). */
  private List<NavigationModel> navigation = List.of();
  private Map<String, NavigationModel> navigationByName = Map.of();

  EntityTypeModel(String namespace, String name, String entitySet, List<PropertyModel> properties,
      List<PropertyModel> keys, List<PropertyModel> requiredOnCreate, WriteRules writeRules,
      List<String> verbs, Map<String, String> unserved, List<ReferenceModel> references, TenantAccess tenantAccess,
      List<StreamModel> streams) {
    this.streams = List.copyOf(streams);
    this.namespace = namespace;
    this.adminOnly = tenantAccess.adminOnly();
    List<String> tenantVerbs = tenantAccess.verbs() == null ? verbs : tenantAccess.verbs();
    this.tenantSetMethods = methods(tenantVerbs, List.of("GET"), List.of("POST"));
    this.tenantEntityMethods = methods(tenantVerbs, List.of("GET"), List.of("PUT", "MERGE", "PATCH"), List.of("DELETE"));
    this.name = name;
    this.entitySet = entitySet;
    this.properties = List.copyOf(properties);
    this.keys = List.copyOf(keys);
    this.requiredOnCreate = List.copyOf(requiredOnCreate);
    this.serverManaged = new boolean[properties.size()];
    for (PropertyModel property : writeRules.serverManaged()) {
      this.serverManaged[property.index()] = true;
    }
    this.secret = new boolean[properties.size()];
    for (PropertyModel property : writeRules.secrets()) {
      this.secret[property.index()] = true;
    }
    this.secrets = List.copyOf(writeRules.secrets());
    Map<String, PropertyModel> index = new HashMap<>();
    this.jsonNames = new SerializableString[properties.size()];
    for (PropertyModel property : properties) {
      index.put(property.name(), property);
      jsonNames[property.index()] = new SerializedString(property.name());
    }
    this.byName = Map.copyOf(index);
    this.setMethods = methods(verbs, List.of("GET"), List.of("POST"));
    this.entityMethods = methods(verbs, List.of("GET"), List.of("PUT", "MERGE", "PATCH"), List.of("DELETE"));
    this.unserved = Map.copyOf(unserved);
    this.references = List.copyOf(references);
  }

  /** The HTTP methods of {@code groups} whose first member is one of real SPF's verbs for the set. */
  @SafeVarargs
  private static List<String> methods(List<String> verbs, List<String>... groups) {
    List<String> allowed = new ArrayList<>();
    for (List<String> group : groups) {
      if (verbs.contains(group.get(0))) {
        allowed.addAll(group);
      }
    }
    return List.copyOf(allowed);
  }

  public String name() {
    return name;
  }

  /** The namespace-qualified name, e.g. {@code VMM.VMCheckPoint}. */
  public String qualifiedName() {
    return namespace + "." + name;
  }

  public String namespace() {
    return namespace;
  }

  public String entitySet() {
    return entitySet;
  }

  /** The name of one of this type's properties, pre-encoded for {@code JsonGenerator.writeFieldName}. */
  public SerializableString jsonName(PropertyModel property) {
    return jsonNames[property.index()];
  }

  /** All properties in real SPF's order. */
  public List<PropertyModel> properties() {
    return properties;
  }

  /** The key properties in key order (the order of the key predicate). */
  public List<PropertyModel> keys() {
    return keys;
  }

  /** The properties a create must carry with a non-null value (real SPF's "required" on create). */
  public List<PropertyModel> requiredOnCreate() {
    return requiredOnCreate;
  }

  /**
   * Whether the server alone sets this property (such as {@code AddedTime}): what a client sends
   * for it is accepted and ignored, as real SPF does with the whole entities .NET clients send back.
   */
  public boolean isServerManaged(PropertyModel property) {
    return serverManaged[property.index()];
  }

  /**
   * Whether this property is write-only (a password, a product key): a client may send it, but
   * real SPF never gives it back, so the emulator does not keep it and every answer carries null.
   */
  public boolean isSecret(PropertyModel property) {
    return secret[property.index()];
  }

  /**
   * The value of {@code property} of {@code entity} as an answer writes it: null for a secret. The
   * store keeps no secret; the writers ask here all the same, so that no server-made value (a
   * behaviour, a world file loaded another way) can ever reach a client.
   */
  public Object writtenValue(EntityValues entity, PropertyModel property) {
    return secret[property.index()] ? null : entity.value(property.index());
  }

  /** The write-only properties ({@link #isSecret}), in model order of the file's list. */
  public List<PropertyModel> secrets() {
    return secrets;
  }

  /**
   * What a client may not set: properties the server alone sets (ignored when sent) and secrets
   * (accepted, never kept nor returned).
   */
  record WriteRules(List<PropertyModel> serverManaged, List<PropertyModel> secrets) {
  }

  /** The methods real SPF serves on the entity set: GET, and POST if entities can be created. */
  public List<String> setMethods() {
    return setMethods;
  }

  /** The methods real SPF serves on one entity: GET, and the update and delete methods it allows. */
  public List<String> entityMethods() {
    return entityMethods;
  }

  /**
   * Whether WAP's tenant API hides the set: only administrators reach it, through SPF's roots and
   * WAP's admin API ({@code CloudCapacities}).
   */
  public boolean adminOnly() {
    return adminOnly;
  }

  /** {@link #setMethods()} as WAP's tenant API passes them on. */
  public List<String> tenantSetMethods() {
    return tenantSetMethods;
  }

  /** {@link #entityMethods()} as WAP's tenant API passes them on (a template changes through the admin API only). */
  public List<String> tenantEntityMethods() {
    return tenantEntityMethods;
  }

  /**
   * What WAP's tenant API lets tenants do with a set.
   *
   * @param adminOnly the set is not served to tenants at all
   * @param verbs real SPF's verbs as the tenant API passes them on; null for all of them
   */
  record TenantAccess(boolean adminOnly, List<String> verbs) {
  }

  /**
   * The type of a property the model declares but the emulator does not serve yet (complex,
   * collection and stream properties), or null. Request bodies may carry them; they are ignored.
   */
  public String unservedPropertyType(String name) {
    return unserved.get(name);
  }

  /** The type's named media streams ({@code Edm.Stream}), in model order; they are not among {@link #properties()}. */
  public List<StreamModel> streams() {
    return streams;
  }

  /** The named stream called {@code name}, or null. */
  public StreamModel stream(String name) {
    for (StreamModel stream : streams) {
      if (stream.name().equals(name)) {
        return stream;
      }
    }
    return null;
  }

  /** The properties that must name an existing entity when an entity is created. */
  public List<ReferenceModel> references() {
    return references;
  }

  /** Whether {@code property} is part of the key. */
  public boolean isKey(PropertyModel property) {
    return keys.contains(property);
  }

  /** The property called {@code name}, or null. */
  public PropertyModel property(String name) {
    return byName.get(name);
  }

  public int propertyCount() {
    return properties.size();
  }

  /** This type's navigation properties, in the model file's order. */
  public List<NavigationModel> navigation() {
    return navigation;
  }

  /** The navigation property named {@code name}, or null. */
  public NavigationModel navigation(String name) {
    return navigationByName.get(name);
  }

  void attachNavigation(List<NavigationModel> navigation) {
    Map<String, NavigationModel> byName = new HashMap<>();
    for (NavigationModel nav : navigation) {
      byName.put(nav.name(), nav);
    }
    this.navigation = List.copyOf(navigation);
    this.navigationByName = Map.copyOf(byName);
  }
}
