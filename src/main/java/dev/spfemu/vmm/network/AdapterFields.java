package dev.spfemu.vmm.network;

import dev.spfemu.model.ComplexTypeModel;
import dev.spfemu.model.EntityTypeModel;
import dev.spfemu.model.Field;
import dev.spfemu.model.PropertyModel;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The properties adapter provisioning reads and sets, resolved once when the emulator is built: the
 * VM's {@code NewVirtualNetworkAdapterInput}, its entries' members, the adapter's own properties, and
 * the VM network, subnet and pool properties that lead from a name to an address.
 */
final class AdapterFields {

  final int newAdapterInput;
  final int inputNetworkName;
  final int inputNetworkId;
  final int inputSubnetName;
  final int inputMacType;
  final int inputMac;
  final int inputIpv4Type;

  final Field<UUID> id;
  final Field<UUID> stamp;
  final Field<UUID> vmId;
  final Field<String> name;
  final Field<UUID> networkId;
  final Field<String> networkName;
  final Field<UUID> subnetId;
  final Field<String> mac;
  final Field<String> macType;
  final Field<String> ipv4Type;
  final int ipv4Addresses;
  final int ipv4Pools;
  final Field<Integer> slot;
  final Field<Boolean> enabled;
  final Field<Boolean> synthetic;
  final Field<String> adapterType;
  final Field<OffsetDateTime> addedTime;
  final Field<OffsetDateTime> modifiedTime;

  final Field<UUID> vmOwnId;
  final Field<UUID> vmTemplate;
  final Field<UUID> vmStamp;
  final Field<String> vmName;
  final Field<UUID> vmNetworkId;
  final Field<String> vmNetworkName;
  final Field<UUID> subnetNetwork;
  final Field<UUID> subnetOwnId;
  final Field<String> subnetName;
  final Field<UUID> poolId;
  final Field<UUID> poolSubnet;
  final Field<String> poolStart;
  final Field<String> poolEnd;

  AdapterFields(EntityTypeModel vm, EntityTypeModel adapter, EntityTypeModel network, EntityTypeModel subnet,
      EntityTypeModel pool) {
    PropertyModel inputs = vm.property("NewVirtualNetworkAdapterInput");
    if (inputs == null || !inputs.collection() || inputs.complex() == null) {
      throw new IllegalStateException("VirtualMachine.NewVirtualNetworkAdapterInput is not a collection of a complex type");
    }
    this.newAdapterInput = inputs.index();
    ComplexTypeModel input = inputs.complex();
    this.inputNetworkName = member(input, "VMNetworkName");
    this.inputNetworkId = member(input, "VMNetworkId");
    this.inputSubnetName = member(input, "VMSubnetName");
    this.inputMacType = member(input, "MACAddressType");
    this.inputMac = member(input, "MACAddress");
    this.inputIpv4Type = member(input, "IPv4AddressType");
    this.id = Field.guid(adapter, "ID");
    this.stamp = Field.guid(adapter, "StampId");
    this.vmId = Field.guid(adapter, "VMId");
    this.name = Field.string(adapter, "Name");
    this.networkId = Field.guid(adapter, "VMNetworkId");
    this.networkName = Field.string(adapter, "VMNetworkName");
    this.subnetId = Field.guid(adapter, "VMSubnetId");
    this.mac = Field.string(adapter, "MACAddress");
    this.macType = Field.string(adapter, "MACAddressType");
    this.ipv4Type = Field.string(adapter, "IPv4AddressType");
    this.ipv4Addresses = collection(adapter, "IPv4Addresses");
    this.ipv4Pools = collection(adapter, "IPv4AddressPoolsId");
    this.slot = Field.int32(adapter, "SlotId");
    this.enabled = Field.bool(adapter, "Enabled");
    this.synthetic = Field.bool(adapter, "IsSynthetic");
    this.adapterType = Field.string(adapter, "VirtualNetworkAdapterType");
    this.addedTime = Field.dateTime(adapter, "AddedTime");
    this.modifiedTime = Field.dateTime(adapter, "ModifiedTime");
    this.vmOwnId = Field.guid(vm, "ID");
    this.vmTemplate = Field.guid(vm, "VMTemplateId");
    this.vmStamp = Field.guid(vm, "StampId");
    this.vmName = Field.string(vm, "Name");
    this.vmNetworkId = Field.guid(network, "ID");
    this.vmNetworkName = Field.string(network, "Name");
    this.subnetNetwork = Field.guid(subnet, "VMNetworkId");
    this.subnetOwnId = Field.guid(subnet, "ID");
    this.subnetName = Field.string(subnet, "Name");
    this.poolId = Field.guid(pool, "ID");
    this.poolSubnet = Field.guid(pool, "VMSubnetId");
    this.poolStart = Field.string(pool, "IPAddressRangeStart");
    this.poolEnd = Field.string(pool, "IPAddressRangeEnd");
  }

  private static int member(ComplexTypeModel type, String name) {
    PropertyModel property = type.property(name);
    if (property == null) {
      throw new IllegalStateException(type.name() + " has no property " + name);
    }
    return property.index();
  }

  private static int collection(EntityTypeModel type, String name) {
    PropertyModel property = type.property(name);
    if (property == null || !property.collection()) {
      throw new IllegalStateException(type.name() + "." + name + " is not a collection");
    }
    return property.index();
  }
}
