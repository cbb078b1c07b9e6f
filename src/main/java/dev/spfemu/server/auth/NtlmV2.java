package dev.spfemu.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.MD4Digest;

/**
 * NTLMv2 response verification (MS-NLMP §3.3.2): {@code NTOWFv2 = HMAC-MD5(MD4(UTF-16LE(password)),
 * UTF-16LE(UPPER(user) + domain))}, {@code NTProofStr = HMAC-MD5(NTOWFv2, serverChallenge + blob)},
 * where the client's NT response is {@code NTProofStr + blob}. MD4, which the JDK does not offer,
 * is BouncyCastle's lightweight digest.
 */
final class NtlmV2 {

  private static final int PROOF_LENGTH = 16;
  /** An NTLMv1 response is exactly 24 bytes; an NTLMv2 one is the proof and a blob of at least 28. */
  private static final int MIN_V2_LENGTH = PROOF_LENGTH + 28;

  private NtlmV2() {
  }

  /** Whether {@code ntResponse} is NTLMv2-shaped (longer than NTLMv1's 24 bytes). */
  static boolean isV2(byte[] ntResponse) {
    return ntResponse.length >= MIN_V2_LENGTH;
  }

  static byte[] ntowfV2(String user, String domain, String password) {
    MD4Digest md4 = new MD4Digest();
    byte[] unicodePassword = password.getBytes(StandardCharsets.UTF_16LE);
    md4.update(unicodePassword, 0, unicodePassword.length);
    byte[] ntHash = new byte[md4.getDigestSize()];
    md4.doFinal(ntHash, 0);
    return hmacMd5(ntHash, (user.toUpperCase(Locale.ROOT) + domain).getBytes(StandardCharsets.UTF_16LE));
  }

  /** NTProofStr of {@code blob} (everything after the proof in the client's NT response). */
  static byte[] proof(byte[] ntowfV2, byte[] serverChallenge, byte[] blob) {
    byte[] data = Arrays.copyOf(serverChallenge, serverChallenge.length + blob.length);
    System.arraycopy(blob, 0, data, serverChallenge.length, blob.length);
    return hmacMd5(ntowfV2, data);
  }

  /** Whether {@code ntResponse} proves that the client knows {@code password} for {@code user} in {@code domain}. */
  static boolean verify(byte[] ntResponse, String user, String domain, String password, byte[] serverChallenge) {
    if (!isV2(ntResponse)) {
      return false;
    }
    byte[] blob = Arrays.copyOfRange(ntResponse, PROOF_LENGTH, ntResponse.length);
    byte[] expected = proof(ntowfV2(user, domain, password), serverChallenge, blob);
    return MessageDigest.isEqual(expected, Arrays.copyOf(ntResponse, PROOF_LENGTH));
  }

  static byte[] hmacMd5(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacMD5");
      mac.init(new SecretKeySpec(key, "HmacMD5"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no HmacMD5", e);
    }
  }
}
