package dev.spfemu.format.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spfemu.model.EdmKind;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Which primitive types JSON light full metadata annotates ({@code Prop@odata.type}): all but
 * those whose JSON form reveals the type, as WCF Data Services does.
 */
class FullMetadataAnnotationTest {

  private static final Set<EdmKind> SELF_EVIDENT = EnumSet.of(EdmKind.STRING, EdmKind.BOOLEAN, EdmKind.INT32,
      EdmKind.DOUBLE);

  @ParameterizedTest
  @EnumSource(EdmKind.class)
  void annotatedUnlessItsJsonShowsTheType(EdmKind kind) {
    PrimitiveCodec codec = PrimitiveCodecs.of(kind);
    assertEquals(kind, codec.kind());
    assertEquals(!SELF_EVIDENT.contains(kind), codec.annotatedInFullMetadata(), kind.qualifiedName());
  }

  @Test
  void theTypesThatAreAnnotatedIncludeEveryNumberButInt32AndDouble() {
    Set<EdmKind> annotated = EnumSet.noneOf(EdmKind.class);
    for (EdmKind kind : EdmKind.values()) {
      if (PrimitiveCodecs.of(kind).annotatedInFullMetadata()) {
        annotated.add(kind);
      }
    }
    assertEquals(EnumSet.of(EdmKind.BINARY, EdmKind.BYTE, EdmKind.DATE_TIME, EdmKind.DATE_TIME_OFFSET,
        EdmKind.DECIMAL, EdmKind.GUID, EdmKind.INT16, EdmKind.INT64, EdmKind.SBYTE, EdmKind.SINGLE, EdmKind.TIME),
        annotated);
  }
}
