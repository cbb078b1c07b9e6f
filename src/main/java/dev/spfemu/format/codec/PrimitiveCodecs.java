package dev.spfemu.format.codec;

import dev.spfemu.model.EdmKind;
import java.util.EnumMap;
import java.util.Map;

/** Finds the codec of an EDM primitive type. The codecs are stateless and shared. */
public final class PrimitiveCodecs {

  private static final Map<EdmKind, PrimitiveCodec> CODECS = new EnumMap<>(EdmKind.class);

  static {
    CODECS.put(EdmKind.BINARY, new BinaryCodec());
    CODECS.put(EdmKind.BOOLEAN, new BooleanCodec());
    CODECS.put(EdmKind.BYTE, new IntegerCodec(EdmKind.BYTE, 0, 255));
    CODECS.put(EdmKind.SBYTE, new IntegerCodec(EdmKind.SBYTE, Byte.MIN_VALUE, Byte.MAX_VALUE));
    CODECS.put(EdmKind.INT16, new IntegerCodec(EdmKind.INT16, Short.MIN_VALUE, Short.MAX_VALUE));
    CODECS.put(EdmKind.INT32, new IntegerCodec(EdmKind.INT32, Integer.MIN_VALUE, Integer.MAX_VALUE));
    CODECS.put(EdmKind.INT64, new Int64Codec());
    CODECS.put(EdmKind.DATE_TIME, new DateTimeCodec(EdmKind.DATE_TIME));
    CODECS.put(EdmKind.DATE_TIME_OFFSET, new DateTimeCodec(EdmKind.DATE_TIME_OFFSET));
    CODECS.put(EdmKind.DECIMAL, new DecimalCodec());
    CODECS.put(EdmKind.DOUBLE, new FloatingCodec(EdmKind.DOUBLE));
    CODECS.put(EdmKind.SINGLE, new FloatingCodec(EdmKind.SINGLE));
    CODECS.put(EdmKind.GUID, new GuidCodec());
    CODECS.put(EdmKind.STRING, new StringCodec());
    CODECS.put(EdmKind.TIME, new TimeCodec());
  }

  private PrimitiveCodecs() {
  }

  public static PrimitiveCodec of(EdmKind kind) {
    return CODECS.get(kind);
  }
}
