package dev.spfemu.server.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** NTLMv2 verification against the test vectors of MS-NLMP §4.2.4 (user "User", domain "Domain", password "Password"). */
class NtlmV2Test {

  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] SERVER_CHALLENGE = HEX.parseHex("0123456789abcdef");
  /** §4.2.4.3: the CHALLENGE's target information, MsvAvNbDomainName "Domain", MsvAvNbComputerName "Server", EOL. */
  private static final byte[] TARGET_INFO = HEX.parseHex(
      "02000c0044006f006d00610069006e0001000c0053006500720076006500720000000000");
  /** §4.2.4.2.2: NTProofStr followed by temp (time 0, client challenge aa…aa). */
  private static final byte[] NT_RESPONSE = HEX.parseHex("68cd0ab851e51c96aabc927bebef6a1c"
      + "01010000000000000000000000000000aaaaaaaaaaaaaaaa00000000"
      + "02000c0044006f006d00610069006e0001000c0053006500720076006500720000000000" + "00000000");

  @Test
  void ntowfV2IsTheSpecsValue() {
    assertEquals("0c868a403bfd7a93a3001ef22ef02e3f", HEX.formatHex(NtlmV2.ntowfV2("User", "Domain", "Password")));
  }

  @Test
  void theSpecsResponseIsVerified() {
    assertTrue(NtlmV2.verify(NT_RESPONSE, "User", "Domain", "Password", SERVER_CHALLENGE));
    assertTrue(NtlmV2.verify(NT_RESPONSE, "user", "Domain", "Password", SERVER_CHALLENGE),
        "the user name is case-insensitive (NTOWFv2 upper-cases it)");
  }

  @Test
  void aWrongPasswordUserDomainOrChallengeIsRefused() {
    assertFalse(NtlmV2.verify(NT_RESPONSE, "User", "Domain", "password", SERVER_CHALLENGE));
    assertFalse(NtlmV2.verify(NT_RESPONSE, "Other", "Domain", "Password", SERVER_CHALLENGE));
    assertFalse(NtlmV2.verify(NT_RESPONSE, "User", "DOMAIN", "Password", SERVER_CHALLENGE),
        "the domain is case-sensitive");
    assertFalse(NtlmV2.verify(NT_RESPONSE, "User", "Domain", "Password", HEX.parseHex("0123456789abcdee")));
  }

  @Test
  void ntlmV1ResponsesAreRefused() {
    byte[] v1 = new byte[24];
    System.arraycopy(NT_RESPONSE, 0, v1, 0, 24);
    assertFalse(NtlmV2.isV2(v1));
    assertFalse(NtlmV2.verify(v1, "User", "Domain", "Password", SERVER_CHALLENGE));
    assertFalse(NtlmV2.verify(new byte[0], "User", "Domain", "Password", SERVER_CHALLENGE));
  }

  @Test
  void theTestClientComputesTheSpecsResponse() {
    // the test-side client, written separately from the spec, agrees with the spec's vector
    assertArrayEquals(NT_RESPONSE, NtlmClient.ntResponse(SERVER_CHALLENGE, TARGET_INFO, "User", "Domain",
        "Password", 0, HEX.parseHex("aaaaaaaaaaaaaaaa")));
  }
}
