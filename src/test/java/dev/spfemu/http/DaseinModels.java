package dev.spfemu.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The shapes dasein-cloud-azurepack maps SPF's answers into (CLIENTS.md D.3), written again for
 * the test with the same JSON names and the same strictness: a plain Jackson {@link ObjectMapper}
 * (unknown properties fail), every value read as text, lists of scalars where dasein has them. The
 * feed wrapper, the Cloud and the UserAndRole (every {@code Owner} and {@code GrantedToList} item)
 * ignore nothing, so any property they do not name fails the whole call; the other models ignore
 * what they do not name, as dasein's do.
 */
final class DaseinModels {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DaseinModels() {
  }

  /** {@code body} as a feed of {@code type}, or an AssertionError saying why dasein would fail. */
  static <T> List<T> feed(String body, Class<T> type) {
    JavaType feed = MAPPER.getTypeFactory().constructParametricType(Feed.class, type);
    try {
      Feed<T> parsed = MAPPER.readValue(body, feed);
      return parsed.value();
    } catch (IOException e) {
      throw new AssertionError("dasein cannot read this feed of " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /** {@code body} as one entity of {@code type}, or an AssertionError saying why dasein would fail. */
  static <T> T entity(String body, Class<T> type) {
    try {
      return MAPPER.readValue(body, type);
    } catch (IOException e) {
      throw new AssertionError("dasein cannot read this " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /**
   * What dasein sends back after reading an entity: its models hold every value as a {@code String}
   * (numbers and booleans become JSON strings), have an {@code odata.type} field the read left null
   * (its UserAndRole too), and keep the read's {@code odata.metadata}.
   */
  static ObjectNode asSentBack(JsonNode read) {
    ObjectNode model = JsonNodeFactory.instance.objectNode();
    model.putNull("odata.type");
    for (Map.Entry<String, JsonNode> field : read.properties()) {
      model.set(field.getKey(), asStrings(field.getValue()));
    }
    return model;
  }

  private static JsonNode asStrings(JsonNode value) {
    if (value.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      copy.putNull("odata.type");
      value.properties().forEach(member -> copy.set(member.getKey(), asStrings(member.getValue())));
      return copy;
    }
    if (value.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      value.forEach(element -> copy.add(asStrings(element)));
      return copy;
    }
    return value.isNull() ? value : JsonNodeFactory.instance.textNode(value.asText());
  }

  /** Every feed wrapper: {@code odata.metadata} and {@code value}, nothing else (no next link, no count). */
  record Feed<T>(@JsonProperty("odata.metadata") String metadata, @JsonProperty("value") List<T> value) {
  }

  /** Strict: exactly the seven properties of a 2012 R2 cloud. */
  record Cloud(@JsonProperty("ID") String id, @JsonProperty("Name") String name,
      @JsonProperty("Description") String description, @JsonProperty("LastModifiedDate") String lastModifiedDate,
      @JsonProperty("WritableLibraryPath") String writableLibraryPath, @JsonProperty("UserRoleID") String userRoleId,
      @JsonProperty("StampId") String stampId) {
  }

  /** Strict: every Owner and GrantedToList item. */
  record UserAndRole(@JsonProperty("odata.type") String type, @JsonProperty("UserName") String userName,
      @JsonProperty("RoleName") String roleName, @JsonProperty("RoleID") String roleId) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record OperatingSystem(@JsonProperty("Name") String name, @JsonProperty("OSType") String osType) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ErrorInfo(@JsonProperty("Code") String code) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record HardwareProfile(@JsonProperty("ID") String id, @JsonProperty("StampId") String stampId,
      @JsonProperty("Name") String name, @JsonProperty("Description") String description,
      @JsonProperty("CPUCount") String cpuCount, @JsonProperty("Memory") String memory,
      @JsonProperty("Owner") UserAndRole owner, @JsonProperty("GrantedToList") List<UserAndRole> grantedToList) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Template(@JsonProperty("ID") String id, @JsonProperty("StampId") String stampId,
      @JsonProperty("Name") String name, @JsonProperty("Description") String description,
      @JsonProperty("Enabled") String enabled, @JsonProperty("CPUCount") String cpuCount,
      @JsonProperty("Memory") String memory, @JsonProperty("OSType") String osType, @JsonProperty("Tag") String tag,
      @JsonProperty("OperatingSystemInstance") OperatingSystem operatingSystemInstance,
      @JsonProperty("Owner") UserAndRole owner, @JsonProperty("GrantedToList") List<UserAndRole> grantedToList,
      @JsonProperty("BootOrder") List<String> bootOrder, @JsonProperty("CustomProperties") List<String> customProperties,
      @JsonProperty("GuiRunOnceCommands") List<String> guiRunOnceCommands,
      @JsonProperty("ServerFeatures") List<String> serverFeatures, @JsonProperty("SANStatus") List<String> sanStatus) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Vhd(@JsonProperty("ID") String id, @JsonProperty("StampId") String stampId, @JsonProperty("Name") String name,
      @JsonProperty("Enabled") String enabled, @JsonProperty("Size") String size,
      @JsonProperty("MaximumSize") String maximumSize, @JsonProperty("AddedTime") String addedTime,
      @JsonProperty("Owner") UserAndRole owner,
      @JsonProperty("OperatingSystemInstance") OperatingSystem operatingSystemInstance,
      @JsonProperty("Tag") List<String> tag) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record VirtualMachine(@JsonProperty("odata.metadata") String metadata, @JsonProperty("ID") String id,
      @JsonProperty("StampId") String stampId, @JsonProperty("CloudId") String cloudId,
      @JsonProperty("Name") String name, @JsonProperty("StatusString") String statusString,
      @JsonProperty("CPUCount") String cpuCount, @JsonProperty("Memory") String memory,
      @JsonProperty("Owner") UserAndRole owner, @JsonProperty("GrantedToList") List<UserAndRole> grantedToList,
      @JsonProperty("OperatingSystemInstance") OperatingSystem operatingSystemInstance,
      @JsonProperty("VMNetworkAssignments") List<String> vmNetworkAssignments,
      @JsonProperty("DeploymentErrorInfo") ErrorInfo deploymentErrorInfo,
      @JsonProperty("VirtualDiskDrives") List<DiskDrive> virtualDiskDrives) {
  }

  /** A VM's disk drive, as {@code $expand=VirtualDiskDrives} gives it: dasein's volumes. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record DiskDrive(@JsonProperty("ID") String id, @JsonProperty("StampId") String stampId,
      @JsonProperty("Name") String name, @JsonProperty("AddedTime") String addedTime) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record NetworkAdapter(@JsonProperty("ID") String id, @JsonProperty("VMId") String vmId,
      @JsonProperty("VMNetworkId") String vmNetworkId, @JsonProperty("VMNetworkName") String vmNetworkName,
      @JsonProperty("MACAddress") String macAddress, @JsonProperty("IPv4Addresses") List<String> ipv4Addresses,
      @JsonProperty("IPv6Addresses") List<String> ipv6Addresses,
      @JsonProperty("ChildObjectIDs") List<String> childObjectIds) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record LogicalNetwork(@JsonProperty("ID") String id, @JsonProperty("StampId") String stampId,
      @JsonProperty("Name") String name, @JsonProperty("NetworkVirtualizationEnabled") String virtualization) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record VmNetwork(@JsonProperty("ID") String id, @JsonProperty("StampId") String stampId,
      @JsonProperty("Name") String name, @JsonProperty("Description") String description,
      @JsonProperty("Enabled") String enabled, @JsonProperty("IsolationType") String isolationType,
      @JsonProperty("Owner") UserAndRole owner, @JsonProperty("GrantedToList") List<UserAndRole> grantedToList) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Subnet(@JsonProperty("ID") String id, @JsonProperty("Name") String name, @JsonProperty("Subnet") String subnet,
      @JsonProperty("VMNetworkId") String vmNetworkId) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record NatRule(@JsonProperty("ID") String id, @JsonProperty("NATConnectionId") String natConnectionId) {
  }
}
