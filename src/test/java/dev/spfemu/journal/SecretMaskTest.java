package dev.spfemu.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secrets masked in recorded bodies, JSON and Atom, other values untouched. */
class SecretMaskTest {

  private final SecretMask mask = SecretMask.of(List.of("LocalAdminPassword", "ProductKey"));

  @Test
  void masksJsonValues() {
    assertEquals("{\"Name\":\"a\",\"LocalAdminPassword\" : \"***\",\"ProductKey\":\"***\",\"LocalAdminPasswordX\":\"k\"}",
        mask.mask("{\"Name\":\"a\",\"LocalAdminPassword\" : \"p\\\"w\",\"ProductKey\":\"K-1\",\"LocalAdminPasswordX\":\"k\"}"));
    assertEquals("{\"ProductKey\":null}", mask.mask("{\"ProductKey\":null}"));
  }

  @Test
  void masksAtomValues() {
    assertEquals("<d:LocalAdminPassword>***</d:LocalAdminPassword><d:Name>x</d:Name>"
        + "<d:ProductKey m:null=\"true\" />",
        mask.mask("<d:LocalAdminPassword>secret</d:LocalAdminPassword><d:Name>x</d:Name>"
            + "<d:ProductKey m:null=\"true\" />"));
  }

  @Test
  void theJournalKeepsMaskedBodies() {
    RequestJournal journal = new RequestJournal(2, mask);
    journal.record(new RecordedRequest("POST", "http://x/", Map.of(), "{\"ProductKey\":\"K\"}", 201, null, null,
        Instant.EPOCH));
    assertEquals("{\"ProductKey\":\"***\"}", journal.requests().get(0).body());
    assertEquals("", SecretMask.NONE.mask(""));
  }

  @Test
  void credentialsInHeadersAreMaskedTheSchemeKept() {
    assertEquals(List.of("Basic ***", "***"), SecretMask.header("Authorization", List.of("Basic YTpi", "opaque")));
    assertEquals(List.of("NTLM ***"), SecretMask.header("proxy-authorization", List.of(" NTLM TlRMTVNTUAAB ")));
    assertEquals(List.of("Bearer x"), SecretMask.header("X-Other", List.of("Bearer x")));
  }
}
