package dev.spfemu.format.codec;

import dev.spfemu.model.EdmKind;
import java.math.BigDecimal;

/** Edm.Decimal as {@link BigDecimal}; a JSON string in v3, read from a string or a number. */
final class DecimalCodec extends TextValuedCodec {

  DecimalCodec() {
    super("a decimal", true);
  }

  @Override
  public Object parseText(String text) throws ValueFormatException {
    String s = text.trim();
    if (s.endsWith("M") || s.endsWith("m")) {
      s = s.substring(0, s.length() - 1);
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw new ValueFormatException("'" + text + "' is not a decimal number");
    }
  }

  @Override
  public String toText(Object value) {
    return ((BigDecimal) value).toPlainString();
  }

  @Override
  public String toUriLiteral(Object value) {
    return toText(value) + "M";
  }

  @Override
  public EdmKind kind() {
    return EdmKind.DECIMAL;
  }
}
