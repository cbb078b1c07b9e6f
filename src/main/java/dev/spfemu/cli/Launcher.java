package dev.spfemu.cli;

/**
 * The runnable jar's entry point. {@code java -jar spf-vmm-emulator.jar} cannot give the JVM options (a
 * jar's manifest has no place for them), and the emulator needs two to be fast: a class-data archive of its
 * own classes (start-up) and an immediate tenure of what survives a young collection (every stored entity
 * does, and G1 otherwise copies each one up to 15 times, which is the POST latency tail). So a plain
 * {@code java -jar} runs the emulator in a second JVM started with them ({@link ServerJvm}), and this one only
 * relays: signals to it, its exit code back. Anything else (JVM options of the user's own, {@code capture},
 * a JVM that is not HotSpot) runs {@link Main} here, as before.
 */
public final class Launcher {

  private Launcher() {
  }

  public static void main(String[] args) throws Exception {
    ServerJvm server = ServerJvm.forPlainJar(args);
    if (server == null) {
      Main.main(args);
      return;
    }
    System.exit(server.run());
  }
}
