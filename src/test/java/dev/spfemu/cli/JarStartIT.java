package dev.spfemu.cli;

import static dev.spfemu.cli.EmulatorJar.awaitListening;
import static dev.spfemu.cli.EmulatorJar.command;
import static dev.spfemu.cli.EmulatorJar.stdout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the jar does on its way to its first answer (start-up time, issue 13): it loads no class it can do
 * without there, seen in the JVM's own class-loading log; and its logging, configured in code for that,
 * is what its configuration file was, unless the user names a file of their own.
 */
class JarStartIT {

  /** Classes that must not load before the first answer: each was a large share of the start-up. */
  private static final List<String> NOT_AT_START = List.of(
      "com.fasterxml.jackson.databind.", // data binding: the model and world files are read by streaming
      "ch.qos.logback.classic.joran.", "ch.qos.logback.core.model.", // logback's XML configurator
      "com.sun.org.apache.xerces.internal.parsers.", // and the JDK's XML parser under it (StAX writes Atom)
      "ch.qos.logback.core.pattern.parser.", // logback's pattern parser
      "javax.management."); // the platform MBean server, which Jetty asks about compressed references

  @RegisterExtension
  final ChildProcesses children = new ChildProcesses();

  private static HttpResponse<String> getCheckpoints(String baseUrl) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl
        + "ae122d5f-3aab-4d75-ad48-d6593246a49e/services/systemcenter/vmm/VMCheckPoints")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Starts the jar, answers one GET, stops on SIGTERM; returns its standard error. */
  private String runOnce(List<String> jvmOptions, Path dir, String... args) throws Exception {
    Path err = dir.resolve("stderr.txt");
    Process process = children.start(command(jvmOptions, args).redirectError(err.toFile()));
    assertEquals(200, getCheckpoints(awaitListening(stdout(process))).statusCode());
    process.destroy();
    assertTrue(process.waitFor(20, TimeUnit.SECONDS), "stops on SIGTERM");
    return Files.readString(err);
  }

  @Test
  void loadsNeitherDataBindingNorAnXmlParserBeforeItsFirstAnswer(@TempDir Path dir) throws Exception {
    Path classes = dir.resolve("classes.txt");
    Process process = children.start(command(List.of("-Xlog:class+load:file=" + classes), "--port", "0"));
    assertEquals(200, getCheckpoints(awaitListening(stdout(process))).statusCode());
    process.destroyForcibly();
    process.waitFor();
    List<String> loaded = Files.readAllLines(classes);
    assertTrue(loaded.stream().anyMatch(line -> line.contains(" dev.spfemu.cli.Main ")), "the log is the jar's");
    for (String prefix : NOT_AT_START) {
      assertEquals(List.of(), loaded.stream().filter(line -> line.contains(" " + prefix)).limit(5).toList(), prefix);
    }
  }

  @Test
  void logsToStandardErrorInTheJarsFormat(@TempDir Path dir) throws Exception {
    String err = runOnce(List.of(), dir, "--port", "0", "--access-log");
    assertTrue(Pattern.compile("(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  dev\\.spfemu\\.access - GET /ae122d5f-3aab-4d75-"
        + "ad48-d6593246a49e/services/systemcenter/vmm/VMCheckPoints 200 ").matcher(err).find(), err);
  }

  @Test
  void aLogbackFileTheUserNamesWins(@TempDir Path dir) throws Exception {
    Path mine = dir.resolve("mine.xml");
    Files.writeString(mine, """
        <configuration>
          <appender name="E" class="ch.qos.logback.core.ConsoleAppender">
            <target>System.err</target>
            <encoder><pattern>MINE %level %logger %msg%n</pattern></encoder>
          </appender>
          <root level="INFO"><appender-ref ref="E"/></root>
        </configuration>""");
    String err = runOnce(List.of("-Dlogback.configurationFile=" + mine), dir, "--port", "0", "--access-log");
    assertTrue(err.contains("MINE INFO dev.spfemu.access GET /ae122d5f-3aab-4d75-ad48-d6593246a49e/"), err);
  }
}
