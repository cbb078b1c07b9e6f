package dev.spfemu.odata.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spfemu.odata.edm.VmmEdm;
import java.util.List;
import java.util.Map;
import org.apache.olingo.odata2.api.exception.MessageReference;
import org.apache.olingo.odata2.api.uri.UriSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The adapter's own work: the kind of resource Olingo found, and the text of its messages. */
class OlingoUriParserTest {

  private final OlingoUriParser olingo = new OlingoUriParser(VmmEdm.loadDefault().edm());

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      " | SERVICE_DOCUMENT",
      "$metadata | METADATA",
      "$batch | BATCH",
      "VMCheckPoints | ENTITY_SET",
      "VMCheckPoints/$count | COUNT",
      "UserRoles(guid'831e819f-f852-47a8-b4b0-c61ba062df73') | ENTITY",
      "UserRoles(guid'831e819f-f852-47a8-b4b0-c61ba062df73')/Name | PROPERTY",
      "UserRoles(guid'831e819f-f852-47a8-b4b0-c61ba062df73')/Name/$value | PROPERTY_VALUE",
      "UserRoles(guid'831e819f-f852-47a8-b4b0-c61ba062df73')/$count | OTHER"})
  void kindsOfResource(String path, ResourceTarget.Kind kind) {
    List<String> segments = path == null ? List.of("") : List.of(path.split("/"));
    assertEquals(kind, olingo.parse(segments, Map.of()).kind());
  }

  @Test
  void messagesAreOlingosEnglishText() {
    assertEquals("Invalid segment: 'x'.",
        OlingoUriParser.message(new UriSyntaxException(UriSyntaxException.INVALIDSEGMENT.addContent("x"))));
  }

  @Test
  void aMessageWithoutAReferenceIsAGenericOne() {
    assertEquals("The URI is not valid.", OlingoUriParser.message(new UriSyntaxException(null)));
  }

  @Test
  void aMessageThatCannotBeFormattedIsItsKey() {
    MessageReference unprintable = UriSyntaxException.INVALIDSEGMENT.addContent(new Object() {
      @Override
      public String toString() {
        throw new IllegalStateException("no text");
      }
    });
    assertEquals(UriSyntaxException.INVALIDSEGMENT.getKey(),
        OlingoUriParser.message(new UriSyntaxException(unprintable)));
  }
}
