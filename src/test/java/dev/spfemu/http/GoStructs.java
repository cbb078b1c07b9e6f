package dev.spfemu.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The Go structs the Terraform provider decodes SPF's JSON into (CLIENTS.md D.2, {@code getting/*.go}),
 * as the rules Go's {@code encoding/json} applies to them: unknown keys and nulls are fine (pointer
 * fields), a value of another JSON type or out of the field's range fails the whole call.
 */
final class GoStructs {

  /** What a Go field accepts. */
  enum Kind {
    /** {@code *string}: a JSON string (GUIDs, dates, Int64 as SPF writes them). */
    STRING,
    /** {@code *uint8}: an integer 0–255. */
    UINT8,
    /** {@code *int16}. */
    INT16,
    /** {@code *int32}. */
    INT32,
    /** {@code *bool}. */
    BOOL,
    /** A struct pointer: an object. */
    OBJECT,
    /** A slice: an array. */
    ARRAY
  }

  static final Map<String, Kind> VIRTUAL_MACHINE = Map.ofEntries(Map.entry("ID", Kind.STRING),
      Map.entry("StampId", Kind.STRING), Map.entry("Name", Kind.STRING), Map.entry("CloudId", Kind.STRING),
      Map.entry("MostRecentTaskId", Kind.STRING), Map.entry("VirtualMachineState", Kind.STRING),
      Map.entry("StatusString", Kind.STRING), Map.entry("Description", Kind.STRING),
      Map.entry("CPUCount", Kind.UINT8), Map.entry("Memory", Kind.INT32), Map.entry("Generation", Kind.INT32),
      Map.entry("MemoryAvailablePercentage", Kind.INT16), Map.entry("AddedTime", Kind.STRING),
      Map.entry("Owner", Kind.OBJECT), Map.entry("DynamicMemoryEnabled", Kind.BOOL));

  static final Map<String, Kind> JOB = Map.of("ID", Kind.STRING, "StampId", Kind.STRING, "Name", Kind.STRING,
      "Status", Kind.STRING, "IsCompleted", Kind.BOOL, "ProgressValue", Kind.INT32,
      "Description", Kind.OBJECT, "ErrorInfo", Kind.OBJECT, "CmdletName", Kind.STRING);

  static final Map<String, Kind> ERROR_INFO = Map.of("DetailedCode", Kind.INT32, "Code", Kind.STRING,
      "ErrorCodeString", Kind.STRING, "Problem", Kind.STRING);

  static final Map<String, Kind> DISK_DRIVE = Map.of("ID", Kind.STRING, "StampId", Kind.STRING, "Name", Kind.STRING,
      "VMId", Kind.STRING, "Path", Kind.STRING, "Bus", Kind.UINT8, "LUN", Kind.UINT8, "IDE", Kind.BOOL,
      "SCSI", Kind.BOOL, "VirtualHardDiskId", Kind.STRING);

  static final Map<String, Kind> NETWORK_ADAPTER = Map.of("ID", Kind.STRING, "StampId", Kind.STRING,
      "VMId", Kind.STRING, "MACAddress", Kind.STRING, "VLanId", Kind.INT16, "VLanEnabled", Kind.BOOL,
      "VMNetworkName", Kind.STRING, "IPv4Addresses", Kind.ARRAY);

  /** What {@code GetByName} decodes of every listed entity. */
  static final Map<String, Kind> NAMED = Map.of("ID", Kind.STRING, "Name", Kind.STRING, "StampId", Kind.STRING);

  private GoStructs() {
  }

  /** {@code entity} decoded into the struct {@code fields}, or an AssertionError naming the field Go fails on. */
  static JsonNode decode(JsonNode entity, Map<String, Kind> fields) {
    if (!entity.isObject()) {
      throw new AssertionError("json: cannot unmarshal " + entity.getNodeType() + " into a struct");
    }
    fields.forEach((name, kind) -> {
      JsonNode value = entity.get(name);
      if (value != null && !value.isNull() && !fits(value, kind)) {
        throw new AssertionError("json: cannot unmarshal " + value + " into Go struct field ." + name + " of kind "
            + kind);
      }
    });
    JsonNode errorInfo = entity.get("ErrorInfo");
    if (fields == JOB && errorInfo != null && errorInfo.isObject()) {
      decode(errorInfo, ERROR_INFO);
    }
    return entity;
  }

  private static boolean fits(JsonNode value, Kind kind) {
    return switch (kind) {
      case STRING -> value.isTextual();
      case UINT8 -> value.canConvertToInt() && value.isIntegralNumber() && value.asInt() >= 0 && value.asInt() <= 255;
      case INT16 -> value.isIntegralNumber() && value.canConvertToInt() && value.asInt() == (short) value.asInt();
      case INT32 -> value.isIntegralNumber() && value.canConvertToInt();
      case BOOL -> value.isBoolean();
      case OBJECT -> value.isObject();
      case ARRAY -> value.isArray();
    };
  }
}
