package dev.spfemu.server.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spfemu.server.auth.NtlmMessages.Authenticate;
import dev.spfemu.server.auth.NtlmMessages.MalformedNtlm;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The NTLM messages as the server reads and writes them (MS-NLMP §2.2.1). */
class NtlmMessagesTest {

  private static final byte[] CHALLENGE = {1, 2, 3, 4, 5, 6, 7, 8};

  private static ByteBuffer le(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static byte[] challengeFor(int clientFlags) {
    return NtlmMessages.challenge(clientFlags, CHALLENGE, Authenticator.NAMES, Instant.parse("2026-12-01T00:00:00Z"));
  }

  @Test
  void theGoTransportsNegotiateIsReadAndAnsweredAsWindowsAnswers() throws Exception {
    byte[] negotiate = Base64.getDecoder().decode(NtlmClient.GO_NEGOTIATE);
    assertEquals(1, NtlmMessages.type(negotiate));
    assertEquals(0x00088207, NtlmMessages.negotiateFlags(negotiate));

    byte[] challenge = challengeFor(0x00088207);
    assertEquals(2, NtlmMessages.type(challenge));
    int flags = le(challenge).getInt(20);
    assertEquals(0x02898205, flags, "Unicode, request target, NTLM, always sign, domain target, extended session "
        + "security (asked for), target info, version; not OEM, signing or sealing (not asked for)");
    byte[] serverChallenge = new byte[8];
    System.arraycopy(challenge, 24, serverChallenge, 0, 8);
    assertArrayEquals(CHALLENGE, serverChallenge);
    assertEquals(6, challenge[48], "Windows 6.3, as Windows Server 2012 R2 under SPF 2012 R2");
    assertEquals(15, challenge[55], "NTLM revision 15");
    String targetName = new String(challenge, le(challenge).getInt(16), le(challenge).getShort(12),
        StandardCharsets.UTF_16LE);
    assertEquals("SPFEMU", targetName);
  }

  @Test
  void theTargetInformationNamesTheEmulatorAndEndsTheList() {
    byte[] challenge = challengeFor(0x00088207);
    int length = le(challenge).getShort(40);
    int offset = le(challenge).getInt(44);
    ByteBuffer info = le(challenge).position(offset).slice().order(ByteOrder.LITTLE_ENDIAN).limit(length);
    StringBuilder ids = new StringBuilder();
    String computer = null;
    while (info.hasRemaining()) {
      int id = info.getShort();
      byte[] value = new byte[info.getShort()];
      info.get(value);
      ids.append(id).append(' ');
      if (id == 1) {
        computer = new String(value, StandardCharsets.UTF_16LE);
      }
    }
    assertEquals("2 1 4 3 7 0 ", ids.toString(), "NetBIOS domain, computer, DNS domain, computer, timestamp, EOL");
    assertEquals("SPF-EMULATOR", computer);
  }

  @Test
  void anOemOnlyClientGetsOemAndSealingIsEchoed() {
    int flags = le(challengeFor(NtlmMessages.NEGOTIATE_OEM | NtlmMessages.NEGOTIATE_SEAL)).getInt(20);
    assertEquals(NtlmMessages.NEGOTIATE_OEM, flags & 3);
    assertEquals(NtlmMessages.NEGOTIATE_SEAL, flags & NtlmMessages.NEGOTIATE_SEAL);
  }

  @Test
  void anAuthenticateMessageIsRead() throws Exception {
    byte[] nt = new byte[60];
    Authenticate read = NtlmMessages.authenticate(NtlmClient.message(1, new byte[24], nt, "FABRIKAM", "alice", "WS1"));
    assertEquals("FABRIKAM", read.domain());
    assertEquals("alice", read.user());
    assertEquals("WS1", read.workstation());
    assertEquals(60, read.ntResponse().length);
  }

  @Test
  void malformedMessagesAreRefusedNotCrashed() {
    assertThrows(MalformedNtlm.class, () -> NtlmMessages.type("NTLMSSX\0abcd".getBytes(StandardCharsets.US_ASCII)));
    assertThrows(MalformedNtlm.class, () -> NtlmMessages.type(new byte[3]));
    byte[] message = NtlmClient.message(1, new byte[24], new byte[60], "D", "u", "w");
    le(message).putInt(24, 10_000); // the NT response points past the end
    MalformedNtlm e = assertThrows(MalformedNtlm.class, () -> NtlmMessages.authenticate(message));
    assertTrue(e.getMessage().contains("past the end"), e.getMessage());
    byte[] negotiate = Base64.getDecoder().decode(NtlmClient.GO_NEGOTIATE);
    assertThrows(MalformedNtlm.class, () -> NtlmMessages.authenticate(negotiate));
  }
}
