package dev.spfemu.format.codec;

import dev.spfemu.model.EdmKind;

/**
 * Edm.Int64 as {@link Long}. Written as a JSON string, as OData v3 and real SPF do
 * ({@code "TotalSize":"4194304"}), because JavaScript numbers cannot hold every Int64; read from a
 * string or a number.
 */
final class Int64Codec extends TextValuedCodec {

  Int64Codec() {
    super("an Int64 (as a string or number)", true);
  }

  @Override
  public Object parseText(String text) throws ValueFormatException {
    String s = text.trim();
    if (s.endsWith("L") || s.endsWith("l")) {
      s = s.substring(0, s.length() - 1);
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new ValueFormatException("'" + text + "' is not a 64-bit integer");
    }
  }

  @Override
  public String toText(Object value) {
    return value.toString();
  }

  @Override
  public String toUriLiteral(Object value) {
    return value + "L";
  }

  @Override
  public EdmKind kind() {
    return EdmKind.INT64;
  }
}
