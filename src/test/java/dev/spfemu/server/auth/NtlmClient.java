package dev.spfemu.server.auth;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.MD4Digest;

/**
 * An NTLMv2 client written for the tests from MS-NLMP (§2.2.1, §3.3.2), independent of the server's
 * code: the NEGOTIATE the Go transport of the Terraform provider sends, and the AUTHENTICATE that
 * answers a CHALLENGE.
 */
public final class NtlmClient {

  /** vadimi/go-http-ntlm's NEGOTIATE (flags 0x00088207), as CLIENTS.md D.2's transport sends it. */
  public static final String GO_NEGOTIATE = "TlRMTVNTUAABAAAAB4IIAAAAAAAAAAAAAAAAAAAAAAA=";

  private NtlmClient() {
  }

  /** The {@code Authorization} value answering {@code challengeHeader} ({@code NTLM <base64>}). */
  public static String authenticate(String challengeHeader, String user, String domain, String password) {
    byte[] challenge = Base64.getDecoder().decode(challengeHeader.substring("NTLM ".length()).trim());
    ByteBuffer in = ByteBuffer.wrap(challenge).order(ByteOrder.LITTLE_ENDIAN);
    int flags = in.getInt(20);
    byte[] serverChallenge = new byte[8];
    System.arraycopy(challenge, 24, serverChallenge, 0, 8);
    int infoLength = Short.toUnsignedInt(in.getShort(40));
    int infoOffset = in.getInt(44);
    byte[] targetInfo = new byte[infoLength];
    System.arraycopy(challenge, infoOffset, targetInfo, 0, infoLength);
    return "NTLM " + Base64.getEncoder().encodeToString(
        authenticateMessage(flags, serverChallenge, targetInfo, user, domain, password));
  }

  /** MS-NLMP §3.3.2: the NTLMv2 response, NTProofStr followed by the blob ("temp"). */
  public static byte[] ntResponse(byte[] serverChallenge, byte[] targetInfo, String user, String domain,
      String password, long fileTime, byte[] clientChallenge) {
    ByteBuffer temp = ByteBuffer.allocate(28 + targetInfo.length + 4).order(ByteOrder.LITTLE_ENDIAN);
    temp.put((byte) 1).put((byte) 1).putShort((short) 0).putInt(0).putLong(fileTime).put(clientChallenge).putInt(0)
        .put(targetInfo).putInt(0);
    byte[] blob = temp.array();
    byte[] key = hmac(md4(password.getBytes(StandardCharsets.UTF_16LE)),
        (user.toUpperCase(Locale.ROOT) + domain).getBytes(StandardCharsets.UTF_16LE));
    byte[] signed = new byte[8 + blob.length];
    System.arraycopy(serverChallenge, 0, signed, 0, 8);
    System.arraycopy(blob, 0, signed, 8, blob.length);
    byte[] proof = hmac(key, signed);
    byte[] response = new byte[16 + blob.length];
    System.arraycopy(proof, 0, response, 0, 16);
    System.arraycopy(blob, 0, response, 16, blob.length);
    return response;
  }

  /** An AUTHENTICATE message (type 3) without version or MIC, strings in UTF-16LE. */
  public static byte[] authenticateMessage(int flags, byte[] serverChallenge, byte[] targetInfo, String user,
      String domain, String password) {
    byte[] nt = ntResponse(serverChallenge, targetInfo, user, domain, password,
        System.currentTimeMillis() * 10_000 + 116_444_736_000_000_000L, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    return message(flags | 1, new byte[24], nt, domain, user, "WORKSTATION");
  }

  /** An AUTHENTICATE message with the given responses. */
  public static byte[] message(int flags, byte[] lm, byte[] nt, String domain, String user, String workstation) {
    byte[][] fields = {lm, nt, domain.getBytes(StandardCharsets.UTF_16LE), user.getBytes(StandardCharsets.UTF_16LE),
        workstation.getBytes(StandardCharsets.UTF_16LE), new byte[0]};
    int size = 64;
    for (byte[] field : fields) {
      size += field.length;
    }
    ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    out.put("NTLMSSP\0".getBytes(StandardCharsets.US_ASCII)).putInt(3);
    int offset = 64;
    for (byte[] field : fields) {
      out.putShort((short) field.length).putShort((short) field.length).putInt(offset);
      offset += field.length;
    }
    out.putInt(flags);
    for (byte[] field : fields) {
      out.put(field);
    }
    return out.array();
  }

  private static byte[] md4(byte[] data) {
    MD4Digest digest = new MD4Digest();
    digest.update(data, 0, data.length);
    byte[] out = new byte[16];
    digest.doFinal(out, 0);
    return out;
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacMD5");
      mac.init(new SecretKeySpec(key, "HmacMD5"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
