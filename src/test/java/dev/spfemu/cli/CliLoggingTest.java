package dev.spfemu.cli;

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
import ch.qos.logback.core.ConsoleAppender;
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
    assertEquals("%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n",
        ((PatternLayoutEncoder) appender.getEncoder()).getPattern());
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
