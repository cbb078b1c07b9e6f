package dev.spfemu.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The streaming model reader reads what data binding read (which it replaced, for start-up time), and refuses the same. */
class ModelFileReaderTest {

  private static ModelFile read(String json) throws IOException {
    return ModelFileReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest
  @ValueSource(strings = {ModelLoader.DEFAULT_RESOURCE, ModelLoader.ADMIN_RESOURCE})
  void readsEachBuiltInModelAsDataBindingDoes(String resource) throws IOException {
    ModelFile bound;
    try (InputStream in = ModelLoader.class.getResourceAsStream(resource)) {
      bound = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(in, ModelFile.class);
    }
    ModelFile streamed;
    try (InputStream in = ModelLoader.class.getResourceAsStream(resource)) {
      streamed = ModelFileReader.read(in);
    }
    assertFalse(bound.entityTypes().isEmpty());
    assertEquals(bound, streamed);
  }

  @Test
  void membersLeftOutAreNullAndAMissingManyIsFalse() throws IOException {
    ModelFile file = read("""
        {"namespace":"T","entityTypes":[{"name":"A","properties":[{"name":"ID","type":"Edm.Guid"}],
         "navigation":[{"name":"Self","entitySet":"As","from":["ID"],"to":["ID"]}]}]}""");
    assertNull(file.container());
    assertNull(file.complexTypes());
    ModelFile.EntityType type = file.entityTypes().get(0);
    assertNull(type.keys());
    assertNull(type.adminOnly());
    assertEquals(new ModelFile.Property("ID", "Edm.Guid", null, null), type.properties().get(0));
    assertEquals(new ModelFile.Navigation("Self", "As", false, List.of("ID"), List.of("ID")), type.navigation().get(0));
  }

  @Test
  void anUnknownMemberIsRefusedWithWhereItIs() {
    JsonParseException refused = assertThrows(JsonParseException.class, () -> read("""
        {"namespace":"T","container":"T","entityTypes":[{"name":"A","entitySet":"As","keys":["ID"],
         "properties":[{"name":"ID","type":"Edm.Guid","nulable":false}]}]}"""));
    assertTrue(refused.getMessage().startsWith("model file: unknown member 'nulable' in a property"), refused.getMessage());
    assertEquals(2, refused.getLocation().getLineNr(), refused.getMessage());
    assertTrue(assertThrows(JsonParseException.class, () -> read("{\"namespace\":\"T\",\"types\":[]}"))
        .getMessage().startsWith("model file: unknown member 'types' in the model"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "{\"namespace\":7}                          | 'namespace' must be a string",
      "{\"entityTypes\":[{\"keys\":\"ID\"}]}       | 'keys' must be a list of strings",
      "{\"entityTypes\":[{\"keys\":[1]}]}         | 'keys' must be a list of strings",
      "{\"entityTypes\":[{\"adminOnly\":\"yes\"}]} | 'adminOnly' must be true or false",
      "{\"entityTypes\":{}}                      | 'entityTypes' must be a list of entity types",
      "{\"entityTypes\":[[]]}                    | an entity type must be a JSON object",
      "[]                                       | the model must be a JSON object"})
  void aMemberOfTheWrongTypeIsRefusedNotCoerced(String json, String problem) {
    String message = assertThrows(JsonParseException.class, () -> read(json)).getMessage();
    assertTrue(message.startsWith("model file: " + problem), message);
  }

  @Test
  void aTruncatedFileIsAnError() {
    assertThrows(IOException.class, () -> read("{\"entityTypes\":[{\"name\":\"A\""));
  }

  @Test
  void theLoaderSurfacesTheReadersRefusal() {
    assertThrows(JsonParseException.class, () -> ModelLoaderTest.load("{\"namespace\":\"T\",\"extra\":1}"));
  }
}
