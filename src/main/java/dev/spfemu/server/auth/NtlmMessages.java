package dev.spfemu.server.auth;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * The three NTLM messages of MS-NLMP §2.2.1 as a server reads and writes them: the client's
 * NEGOTIATE (type 1), the server's CHALLENGE (type 2, written as Windows Server writes it) and the
 * client's AUTHENTICATE (type 3). Every offset a client sends is checked, so a malformed message is
 * {@link MalformedNtlm}, never an exception of the array code.
 */
final class NtlmMessages {

  static final int NEGOTIATE_UNICODE = 0x00000001;
  static final int NEGOTIATE_OEM = 0x00000002;
  static final int REQUEST_TARGET = 0x00000004;
  static final int NEGOTIATE_SIGN = 0x00000010;
  static final int NEGOTIATE_SEAL = 0x00000020;
  static final int NEGOTIATE_NTLM = 0x00000200;
  static final int NEGOTIATE_ALWAYS_SIGN = 0x00008000;
  static final int TARGET_TYPE_DOMAIN = 0x00010000;
  static final int EXTENDED_SESSIONSECURITY = 0x00080000;
  static final int NEGOTIATE_TARGET_INFO = 0x00800000;
  static final int NEGOTIATE_VERSION = 0x02000000;
  static final int NEGOTIATE_128 = 0x20000000;
  static final int KEY_EXCH = 0x40000000;
  static final int NEGOTIATE_56 = 0x80000000;

  /** What a server echoes when the client asks for it (the rest of the answer's flags are always set). */
  private static final int ECHOED = NEGOTIATE_SIGN | NEGOTIATE_SEAL | EXTENDED_SESSIONSECURITY | NEGOTIATE_128
      | KEY_EXCH | NEGOTIATE_56;
  private static final byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);
  /** Windows Server 2012 R2 (6.3, build 9600), where SPF 2012 R2 runs; NTLM revision 15. */
  private static final byte[] VERSION = {6, 3, (byte) 0x80, 0x25, 0, 0, 0, 15};
  /** 100 ns ticks from 1601-01-01 (FILETIME) to the Unix epoch. */
  private static final long FILETIME_EPOCH = 116_444_736_000_000_000L;

  private NtlmMessages() {
  }

  /** A message that is not well-formed NTLM. */
  static final class MalformedNtlm extends Exception {
    MalformedNtlm(String message) {
      super(message, null, false, false);
    }
  }

  /** The names a server announces in its challenge (NetBIOS and DNS). */
  record ServerNames(String netbiosDomain, String netbiosComputer, String dnsDomain, String dnsComputer) {
  }

  /** An AUTHENTICATE message's fields. */
  record Authenticate(int flags, byte[] ntResponse, String domain, String user, String workstation) {
  }

  /** The message type (1, 2 or 3) of {@code message}, checking its signature. */
  static int type(byte[] message) throws MalformedNtlm {
    if (message.length < 12 || !Arrays.equals(Arrays.copyOf(message, 8), SIGNATURE)) {
      throw new MalformedNtlm("it does not start with the NTLMSSP signature");
    }
    return le(message).getInt(8);
  }

  /** The flags of a NEGOTIATE message (0 when the message is too short to carry them). */
  static int negotiateFlags(byte[] message) {
    return message.length >= 16 ? le(message).getInt(12) : 0;
  }

  /**
   * A CHALLENGE answering a NEGOTIATE with {@code clientFlags}: Unicode (or OEM if that is all the
   * client speaks), the target name, target information, NTLM, always-sign and the Windows version,
   * plus whatever of signing, sealing, extended session security, 128/56-bit and key exchange the
   * client asked for, as a Windows server answers.
   */
  static byte[] challenge(int clientFlags, byte[] serverChallenge, ServerNames names, Instant now) {
    boolean unicode = (clientFlags & NEGOTIATE_UNICODE) != 0 || (clientFlags & NEGOTIATE_OEM) == 0;
    int flags = (unicode ? NEGOTIATE_UNICODE : NEGOTIATE_OEM) | REQUEST_TARGET | NEGOTIATE_NTLM
        | NEGOTIATE_ALWAYS_SIGN | TARGET_TYPE_DOMAIN | NEGOTIATE_TARGET_INFO | NEGOTIATE_VERSION
        | (clientFlags & ECHOED);
    byte[] targetName = names.netbiosDomain().getBytes(unicode ? StandardCharsets.UTF_16LE : StandardCharsets.US_ASCII);
    byte[] targetInfo = targetInfo(names, now);
    int payload = 56;
    ByteBuffer out = le(new byte[payload + targetName.length + targetInfo.length]);
    out.put(SIGNATURE).putInt(2);
    out.putShort((short) targetName.length).putShort((short) targetName.length).putInt(payload);
    out.putInt(flags).put(serverChallenge).putLong(0);
    out.putShort((short) targetInfo.length).putShort((short) targetInfo.length).putInt(payload + targetName.length);
    out.put(VERSION).put(targetName).put(targetInfo);
    return out.array();
  }

  /** MS-NLMP §2.2.2.1 AV pairs: the NetBIOS and DNS names, the server's time, end of list. */
  private static byte[] targetInfo(ServerNames names, Instant now) {
    ByteArrayOutputStream pairs = new ByteArrayOutputStream();
    avPair(pairs, 2, names.netbiosDomain().getBytes(StandardCharsets.UTF_16LE));
    avPair(pairs, 1, names.netbiosComputer().getBytes(StandardCharsets.UTF_16LE));
    avPair(pairs, 4, names.dnsDomain().getBytes(StandardCharsets.UTF_16LE));
    avPair(pairs, 3, names.dnsComputer().getBytes(StandardCharsets.UTF_16LE));
    long ticks = FILETIME_EPOCH + now.getEpochSecond() * 10_000_000L + now.getNano() / 100;
    avPair(pairs, 7, le(new byte[8]).putLong(ticks).array());
    avPair(pairs, 0, new byte[0]);
    return pairs.toByteArray();
  }

  private static void avPair(ByteArrayOutputStream out, int id, byte[] value) {
    out.writeBytes(le(new byte[4]).putShort((short) id).putShort((short) value.length).array());
    out.writeBytes(value);
  }

  /** Reads an AUTHENTICATE message. */
  static Authenticate authenticate(byte[] message) throws MalformedNtlm {
    if (type(message) != 3 || message.length < 64) {
      throw new MalformedNtlm("it is not an AUTHENTICATE (type 3) message");
    }
    int flags = le(message).getInt(60);
    Charset text = (flags & NEGOTIATE_UNICODE) != 0 ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1;
    return new Authenticate(flags, field(message, 20), new String(field(message, 28), text),
        new String(field(message, 36), text), new String(field(message, 44), text));
  }

  /** The payload a security buffer (length, maximum length, offset) at {@code at} points to. */
  private static byte[] field(byte[] message, int at) throws MalformedNtlm {
    ByteBuffer buffer = le(message);
    int length = Short.toUnsignedInt(buffer.getShort(at));
    long offset = Integer.toUnsignedLong(buffer.getInt(at + 4));
    if (offset + length > message.length) {
      throw new MalformedNtlm("a field points past the end of the message");
    }
    return Arrays.copyOfRange(message, (int) offset, (int) offset + length);
  }

  private static ByteBuffer le(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }
}
