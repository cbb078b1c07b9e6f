package dev.spfemu.vmm.world;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The world file's tree reads and writes back what data binding's tree did (which it replaced, for start-up
 * time): the same bytes for the request reader, the same refusals with the same words.
 */
class WorldTreeTest {

  /** How WorldLoader read world files before. */
  private final ObjectMapper bound = new ObjectMapper(
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private final WorldTree tree = new WorldTree();

  private static InputStream in(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theDemoWorldIsWrittenBackByteForByteAsTheBoundTreeWroteIt() throws IOException {
    byte[] expected;
    try (InputStream in = WorldLoader.class.getResourceAsStream("/dev/spfemu/world/demo-world.json")) {
      expected = bound.writeValueAsBytes(bound.readTree(in));
    }
    try (InputStream in = WorldLoader.class.getResourceAsStream("/dev/spfemu/world/demo-world.json")) {
      assertArrayEquals(expected, tree.write(tree.read(in)));
    }
  }

  @Test
  void everyKindOfValueIsWrittenBackAsTheBoundTreeWroteIt() throws IOException {
    String json = """
        {"ints":[0,-1,2147483647,2147483648,-9223372036854775808,9223372036854775808,123456789012345678901234567890],
         "floats":[1.10,-0.0,1e3,1.5E-7,3.141592653589793238462643383279,1e308],
         "text":["", "é\\u00e9\\u2028\\"\\\\/\\n\\t", "\\ud83d\\ude00"], "other":[true,false,null,{},[]],
         "nested":{"b":{"c":[{"d":null}]},"a":1}}""";
    assertArrayEquals(bound.writeValueAsBytes(bound.readTree(in(json))), tree.write(tree.read(in(json))));
  }

  @Test
  void membersKeepTheirOrderAndNullIsNotMissing() throws IOException {
    Object root = tree.read(in("{\"b\":null,\"a\":[1,{\"x\":2}]}"));
    assertEquals(List.of("b", "a"), List.copyOf(((Map<?, ?>) root).keySet()));
    assertEquals(WorldTree.NULL, WorldTree.member(root, "b"));
    assertNull(WorldTree.member(root, "c"));
    assertNull(WorldTree.member(WorldTree.member(root, "a"), "x"), "an array has no members");
    assertEquals(2, WorldTree.children(WorldTree.member(root, "a")).size());
    assertEquals(List.of(1, 2), List.copyOf(WorldTree.children(tree.read(in("{\"p\":1,\"q\":2}")))),
        "an object's children are its values");
    assertEquals(0, WorldTree.children("text").size());
    assertEquals(0, WorldTree.members(List.of()).size());
  }

  @Test
  void anEmptyDocumentIsNull() throws IOException {
    assertNull(tree.read(in("")));
    assertNull(tree.read(in("  \n")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}{}", "{} []", "[1] 2", "{\"a\":1,\"a\":2}", "{\"a\":{\"b\":1,\"b\":1}}", "{\"a\":",
      "[1,]", "{} x", "{'a':1}", "nul", "[1 2]"})
  void aBrokenDocumentIsRefusedInTheBoundTreesWords(String json) {
    IOException expected = assertThrows(IOException.class, () -> bound.readTree(in(json))); // a stream, as it was read
    IOException refused = assertThrows(IOException.class, () -> tree.read(in(json)));
    assertEquals(expected.getMessage(), refused.getMessage());
  }
}
