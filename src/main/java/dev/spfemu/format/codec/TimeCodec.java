package dev.spfemu.format.codec;

import dev.spfemu.model.EdmKind;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Edm.Time as {@link Duration}, written as an xsd:duration ({@code PT13H20M}). */
final class TimeCodec extends TextValuedCodec {

  TimeCodec() {
    super("a duration string such as PT13H20M", false);
  }

  @Override
  public Object parseText(String text) throws ValueFormatException {
    try {
      return Duration.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new ValueFormatException("'" + text + "' is not a duration such as PT13H20M");
    }
  }

  @Override
  public String toText(Object value) {
    return value.toString();
  }

  @Override
  public String toUriLiteral(Object value) {
    return "time'" + value + "'";
  }

  @Override
  public EdmKind kind() {
    return EdmKind.TIME;
  }
}
