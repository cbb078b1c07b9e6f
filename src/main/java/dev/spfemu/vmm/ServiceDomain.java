package dev.spfemu.vmm;

import dev.spfemu.error.VmmErrors;
import dev.spfemu.model.StreamModel;

/**
 * What the OData protocol side serves one SPF web service from: its entity sets by name and its
 * {@code $batch} change sets. SPF has several web services over one VMM ({@link Vmm}, the VMM
 * service, and {@link dev.spfemu.vmm.spfadmin.SpfAdmin}, the Admin service); each gets its own
 * pipeline over its own domain, so the protocol side never needs to know which one it serves.
 */
public interface ServiceDomain {

  /** The entity set named {@code entitySet}, or null if the service has none. */
  EntitySet set(String entitySet);

  /** How the service's navigation properties find the entities they lead to. */
  Navigation navigation();

  /**
   * Starts a change set on this thread: until it is closed, every change the domain makes here can
   * be taken back with {@link ChangeSet#rollback()}, side effects included.
   */
  ChangeSet beginChangeSet();

  /**
   * The one partition every entity of a service without subscriptions lives in (SPF's Admin service:
   * stamps and tenants are SPF's, not a tenant's), which a request on a root without a subscription
   * acts on; null for a service whose entities belong to subscriptions (the VMM service).
   */
  default String scope() {
    return null;
  }

  /**
   * The content of {@code entity}'s named stream {@code stream} (a VM's {@code VMConnection}).
   *
   * @throws dev.spfemu.error.ServiceException 404 when the service serves no content for it, or what
   *     the domain refuses (a VM that is not running)
   */
  default MediaResource mediaStream(OwnedEntity entity, StreamModel stream) {
    throw VmmErrors.notFound("The stream '" + stream.name() + "' has no content in this service.");
  }
}
