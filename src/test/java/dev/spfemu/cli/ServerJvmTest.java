package dev.spfemu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the jar runs the emulator in a JVM of its own, and with which command (the JVM's behaviour: LauncherIT). */
class ServerJvmTest {

  private static final String HOTSPOT = "OpenJDK 64-Bit Server VM";
  private static final String[] PLAIN = {"-jar", "spf-vmm-emulator.jar", "--port", "0"};

  @Test
  void onlyAPlainJavaDashJarOnHotSpotIsRelaunched() {
    assertTrue(ServerJvm.plainJar(PLAIN, Map.of(), HOTSPOT));
    assertTrue(ServerJvm.plainJar(new String[] {"-jar", "x.jar"}, Map.of(), "Java HotSpot(TM) 64-Bit Server VM"));
    assertTrue(ServerJvm.plainJar(PLAIN, Map.of("JAVA_TOOL_OPTIONS", " "), HOTSPOT), "blank is no option");
  }

  @Test
  void theUsersOwnJvmOptionsKeepTheEmulatorInTheirJvm() {
    assertFalse(ServerJvm.plainJar(new String[] {"-Xmx1g", "-jar", "x.jar"}, Map.of(), HOTSPOT), "on the command line");
    assertFalse(ServerJvm.plainJar(PLAIN, Map.of("JAVA_TOOL_OPTIONS", "-Xmx1g"), HOTSPOT), "JAVA_TOOL_OPTIONS");
    assertFalse(ServerJvm.plainJar(PLAIN, Map.of("JDK_JAVA_OPTIONS", "-Xmx1g"), HOTSPOT), "JDK_JAVA_OPTIONS");
  }

  @Test
  void anythingButAJarOnHotSpotStaysInThisJvm() {
    assertFalse(ServerJvm.plainJar(new String[] {"-cp", "x.jar", "dev.spfemu.cli.Main"}, Map.of(), HOTSPOT), "-cp");
    assertFalse(ServerJvm.plainJar(new String[] {"-jar"}, Map.of(), HOTSPOT), "no jar named");
    assertFalse(ServerJvm.plainJar(new String[0], Map.of(), HOTSPOT), "nothing known");
    assertFalse(ServerJvm.plainJar(PLAIN, Map.of(), "Eclipse OpenJ9 VM"), "options are HotSpot's");
  }

  @Test
  void helpAndVersionAreAnsweredInThisJvm() {
    for (String[] args : List.of(new String[] {"--help"}, new String[] {"--version"}, new String[] {"-h"},
        new String[] {"-V"}, new String[] {"-hV"}, new String[] {"--port", "0", "-h"})) {
      assertTrue(ServerJvm.asksForHelpOrVersion(args), String.join(" ", args));
      assertNull(ServerJvm.forPlainJar(args), String.join(" ", args));
    }
    for (String[] args : List.of(new String[0], new String[] {"--port", "0"}, new String[] {"--host=h.example"},
        new String[] {"--no-http"}, new String[] {"--seed-file", "V.json"})) {
      assertFalse(ServerJvm.asksForHelpOrVersion(args), String.join(" ", args));
    }
  }

  @Test
  void captureRunsInThisJvm() {
    assertNull(ServerJvm.forPlainJar(new String[] {"capture", "--from", "https://spf:8090/"}));
  }

  @Test
  void testsAreNotRelaunched() {
    // this JVM is surefire's, started with options and a class path: the emulator stays here
    assertNull(ServerJvm.forPlainJar(new String[] {"--port", "0"}));
  }

  @Test
  void theServerGetsTheTenureTheCompileThresholdTheArchiveAndTheArgumentsInOrder() {
    ClassArchive.Use archive = new ClassArchive.Use(List.of("-XX:SharedArchiveFile=/c/a.jsa"), null, null);
    assertEquals(List.of("/j/bin/java", "-XX:MaxTenuringThreshold=0", "-XX:CompileThresholdScaling=10",
            "-XX:SharedArchiveFile=/c/a.jsa",
            "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Ddev.spfemu.launched=true", "-cp", "/x/e.jar",
            "dev.spfemu.cli.Main", "--port", "0", "--seed", "a b.json"),
        ServerJvm.command(Path.of("/j/bin/java"), Path.of("/x/e.jar"), archive,
            new String[] {"--port", "0", "--seed", "a b.json"}));
  }

  @Test
  void withoutAnArchiveTheCdsLogsAreLeftAlone() {
    assertEquals(List.of("/j/bin/java", "-XX:MaxTenuringThreshold=0", "-XX:CompileThresholdScaling=10",
            "-Ddev.spfemu.launched=true", "-cp", "/x/e.jar", "dev.spfemu.cli.Main"),
        ServerJvm.command(Path.of("/j/bin/java"), Path.of("/x/e.jar"), ClassArchive.Use.NONE, new String[0]));
  }
}
