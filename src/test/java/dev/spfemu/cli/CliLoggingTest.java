package dev.spfemu.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The runnable jar's logging, in code: what the XML file it replaced said, and only where it applies. */
class CliLoggingTest {

  private static UnaryOperator<String> properties(Map<String, String> properties) {
    return properties::get;
  }

  @Test
  void configuresTheCommandLinesJvmAsTheJarsFileDid() {
    LoggerContext context = new LoggerContext();
    ExecutionStatus status = new CliLogging().configure(context, properties(Map.of(CliLogging.ACTIVE, "true")));
    assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, status, "no file is looked for after it");
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertEquals(Level.INFO, root.getLevel());
    assertEquals(Level.WARN, context.getLogger("org.eclipse.jetty").getLevel());
    assertNull(context.getLogger("dev.spfemu").getLevel(), "the emulator's loggers inherit INFO");
    ConsoleAppender<ILoggingEvent> appender = (ConsoleAppender<ILoggingEvent>) root.getAppender("STDERR");
    assertTrue(appender.isStarted());
    assertEquals("System.err", appender.getTarget(), "stdout carries only the 'listening on' lines");
    assertSameLinesAsThePattern(context, appender.getEncoder());
  }

  /** Each line is what logback's PatternLayout writes for the pattern the jar's logback.xml had. */
  private static void assertSameLinesAsThePattern(LoggerContext context, Encoder<ILoggingEvent> encoder) {
    PatternLayoutEncoder pattern = new PatternLayoutEncoder();
    pattern.setContext(context);
    pattern.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n");
    pattern.start();
    IllegalStateException failure = new IllegalStateException("no", new java.io.IOException("disk"));
    List<ILoggingEvent> events = List.of(
        event(context, "dev.spfemu.access", Level.INFO, "GET /x 200 {} ms", null, 3),
        event(context, "org.eclipse.jetty.server.handler.ContextHandler", Level.WARN, "stopped", null),
        event(context, "dev.spfemu.vmm.job.JobScheduler", Level.ERROR, "job {} failed", failure, "j1"),
        event(context, "x", Level.DEBUG, "short name, five-letter pad: {}", null, "DEBUG"),
        event(context, "dev.spfemu.server.auth.Authenticator", Level.TRACE, "", null));
    for (ILoggingEvent event : events) {
      assertEquals(new String(pattern.encode(event), StandardCharsets.UTF_8),
          new String(encoder.encode(event), StandardCharsets.UTF_8));
    }
    assertArrayEquals(pattern.headerBytes(), encoder.headerBytes());
    assertArrayEquals(pattern.footerBytes(), encoder.footerBytes());
  }

  private static ILoggingEvent event(LoggerContext context, String logger, Level level, String message,
      Throwable throwable, Object... arguments) {
    return new LoggingEvent(CliLoggingTest.class.getName(), context.getLogger(logger), level, message, throwable,
        arguments);
  }

  @Test
  void theUsersOwnFileWins() {
    LoggerContext context = new LoggerContext();
    ExecutionStatus status = new CliLogging().configure(context,
        properties(Map.of(CliLogging.ACTIVE, "true", "logback.configurationFile", "/etc/spf/logback.xml")));
    assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, status, "logback goes on to read the user's file");
    assertFalse(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext());
  }

  @Test
  void aJvmTheCommandLineDoesNotRunKeepsItsOwnLogging() {
    assertFalse(CliLogging.applies(properties(Map.of())), "a library imposes no logging");
    assertFalse(CliLogging.applies(properties(Map.of(CliLogging.ACTIVE, "false"))));
    assertTrue(CliLogging.applies(properties(Map.of(CliLogging.ACTIVE, "true"))));
  }
}
