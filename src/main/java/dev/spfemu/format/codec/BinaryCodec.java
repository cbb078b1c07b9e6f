package dev.spfemu.format.codec;

import dev.spfemu.model.EdmKind;
import java.util.Base64;
import java.util.HexFormat;

/** Edm.Binary as {@code byte[]}; base64 in payloads, {@code X'hex'} in URIs. */
final class BinaryCodec extends TextValuedCodec {

  BinaryCodec() {
    super("a base64 string", false);
  }

  @Override
  public Object parseText(String text) throws ValueFormatException {
    try {
      return Base64.getMimeDecoder().decode(text.trim());
    } catch (IllegalArgumentException e) {
      throw new ValueFormatException("the value is not valid base64");
    }
  }

  @Override
  public String toText(Object value) {
    return Base64.getEncoder().encodeToString((byte[]) value);
  }

  @Override
  public String toUriLiteral(Object value) {
    return "X'" + HexFormat.of().withUpperCase().formatHex((byte[]) value) + "'";
  }

  @Override
  public EdmKind kind() {
    return EdmKind.BINARY;
  }
}
