package dev.spfemu.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.function.UnaryOperator;

/**
 * The runnable jar's logging, configured in code: logs to standard error (stdout carries only the
 * "listening on" lines tools wait for), INFO, Jetty at WARN. Logback finds this class as a service
 * ({@code META-INF/services}) before it looks for any file; a configuration file would cost the
 * start-up logback's XML configurator and the JDK's XML parser (about a quarter of a second here).
 *
 * <p>It configures only a process that {@link Main} runs, and only when the user has not named a
 * file with {@code -Dlogback.configurationFile} (which then wins, as before). In any other JVM (the
 * emulator used as a library, the tests) it leaves logback to its usual search: a library must not
 * impose its logging.
 */
public final class CliLogging extends ContextAwareBase implements Configurator {

  /** Set by {@link Main} to "true": this JVM runs the command line. */
  static final String ACTIVE = "dev.spfemu.cli.logging";
  /** The user's own configuration file, which wins over this one. */
  static final String USER_FILE = "logback.configurationFile";
  /** Each line: time, level, logger (shortened), message. */
  static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    return configure(context, System::getProperty);
  }

  /** The same, given the system properties. */
  ExecutionStatus configure(LoggerContext context, UnaryOperator<String> properties) {
    if (!applies(properties)) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName("STDERR");
    appender.setTarget("System.err");
    appender.setEncoder(encoder);
    appender.start();
    context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(appender);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Whether this configuration applies, given the system properties. */
  static boolean applies(UnaryOperator<String> properties) {
    return "true".equals(properties.apply(ACTIVE)) && properties.apply(USER_FILE) == null;
  }
}
