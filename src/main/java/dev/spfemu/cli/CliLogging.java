package dev.spfemu.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.pattern.DateConverter;
import ch.qos.logback.classic.pattern.LevelConverter;
import ch.qos.logback.classic.pattern.LineSeparatorConverter;
import ch.qos.logback.classic.pattern.LoggerConverter;
import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.pattern.Converter;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.pattern.FormatInfo;
import ch.qos.logback.core.pattern.LiteralConverter;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The runnable jar's logging, configured in code: logs to standard error (stdout carries only the
 * "listening on" lines tools wait for), INFO, Jetty at WARN. Logback finds this class as a service
 * ({@code META-INF/services}) before it looks for any file; a configuration file would cost the
 * start-up logback's XML configurator and the JDK's XML parser (more than half a second on a busy 2-core machine).
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
  /** Each line: time, level, logger (shortened), message; then the exception, if any (as {@link Layout} writes). */
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
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(new Layout(context));
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

  /**
   * Writes {@link #PATTERN} with the converters logback's {@code PatternLayout} compiles it into, chained
   * here by hand: that layout's set-up (the pattern parser, and about 70 lambdas for the converters it
   * could use) was a twentieth of the jar's start-up. The chain ends as the layout ends one whose pattern
   * writes no exception: with the exception and its stack trace.
   */
  static final class Layout extends LayoutBase<ILoggingEvent> {

    private final Converter<ILoggingEvent> head;

    Layout(LoggerContext context) {
      setContext(context);
      DateConverter time = started(new DateConverter(), context, List.of("HH:mm:ss.SSS"));
      LevelConverter level = started(new LevelConverter(), context, List.of());
      level.setFormattingInfo(FormatInfo.valueOf("-5")); // as the pattern says: at least 5, padded on the right
      List<Converter<ILoggingEvent>> chain = List.of(time, new LiteralConverter<>(" "), level,
          new LiteralConverter<>(" "), started(new LoggerConverter(), context, List.of("24")),
          new LiteralConverter<>(" - "), started(new MessageConverter(), context, List.of()),
          started(new LineSeparatorConverter(), context, List.of()),
          started(new ThrowableProxyConverter(), context, List.of()));
      for (int i = 1; i < chain.size(); i++) {
        chain.get(i - 1).setNext(chain.get(i));
      }
      this.head = chain.get(0);
      start();
    }

    private static <C extends DynamicConverter<ILoggingEvent>> C started(C converter, LoggerContext context,
        List<String> options) {
      converter.setOptionList(options);
      converter.setContext(context);
      converter.start();
      return converter;
    }

    @Override
    public String doLayout(ILoggingEvent event) {
      StringBuilder line = new StringBuilder(256);
      for (Converter<ILoggingEvent> converter = head; converter != null; converter = converter.getNext()) {
        converter.write(line, event);
      }
      return line.toString();
    }
  }
}
