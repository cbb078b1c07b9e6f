package dev.spfemu.format.codec;

import dev.spfemu.model.EdmKind;
import dev.spfemu.model.Guids;
import java.util.UUID;

/** Edm.Guid as {@link UUID}, parsed strictly by {@link Guids}, written in lower case. */
final class GuidCodec extends TextValuedCodec {

  GuidCodec() {
    super("a GUID string", false);
  }

  @Override
  public Object parseText(String text) throws ValueFormatException {
    UUID value = Guids.parse(text.trim());
    if (value == null) {
      throw new ValueFormatException("'" + text + "' is not a GUID of the form"
          + " xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx");
    }
    return value;
  }

  @Override
  public String toText(Object value) {
    return value.toString();
  }

  @Override
  public String toUriLiteral(Object value) {
    return "guid'" + value + "'";
  }

  @Override
  public EdmKind kind() {
    return EdmKind.GUID;
  }
}
