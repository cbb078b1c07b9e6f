package dev.spfemu.vmm.network;

import dev.spfemu.model.EntityPayload;
import dev.spfemu.model.Field;
import dev.spfemu.store.EntityKey;
import dev.spfemu.vmm.entity.StoredSet;
import java.util.UUID;

/**
 * The isolation VMM gives a new VM network whose create names none: {@code
 * WindowsNetworkVirtualization} on a logical network with network virtualization enabled, {@code
 * NoIsolation} on any other (CLIENTS.md D.7 #18 [I]; WAPTenantPublicAPI's {@code New-WAPVMNetwork}
 * sends no {@code IsolationType}, and its {@code Add-WAPVMNetworkSubnet} refuses networks without
 * network virtualization). An {@code IsolationType} the body gives is kept.
 */
final class VmNetworkIsolation {

  static final String VIRTUALIZED = "WindowsNetworkVirtualization";
  static final String NONE = "NoIsolation";

  private final StoredSet logicalNetworks;
  private final Field<String> isolation;
  private final Field<UUID> logicalNetwork;
  private final Field<UUID> stamp;
  private final Field<Boolean> virtualizationEnabled;

  VmNetworkIsolation(StoredSet networks, StoredSet logicalNetworks) {
    this.logicalNetworks = logicalNetworks;
    this.isolation = Field.string(networks.type(), "IsolationType");
    this.logicalNetwork = Field.guid(networks.type(), "LogicalNetworkId");
    this.stamp = Field.guid(networks.type(), "StampId");
    this.virtualizationEnabled = Field.bool(logicalNetworks.type(), "NetworkVirtualizationEnabled");
  }

  /** Fills in the payload's {@code IsolationType} if it has none. */
  void apply(String subscription, EntityPayload payload) {
    if (isolation.get(payload) != null || logicalNetwork.get(payload) == null || stamp.get(payload) == null) {
      return;
    }
    boolean virtualized = logicalNetworks.find(subscription, EntityKey.of(logicalNetwork.get(payload),
            stamp.get(payload)))
        .map(network -> virtualizationEnabled.isTrue(network.values()))
        .orElse(false);
    payload.put(isolation.property(), virtualized ? VIRTUALIZED : NONE);
  }
}
