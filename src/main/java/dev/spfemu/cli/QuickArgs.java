package dev.spfemu.cli;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the plain command lines that starting the emulator usually takes ({@code --port 8080},
 * {@code --data-dir d --access-log}) without picocli, whose set-up by reflection costs the start-up
 * about a seventh of its time. It gives up, returning null, on anything it is not sure to read as picocli
 * does (an option it does not know, help, a repeated option, a value that starts with {@code -} or
 * {@code @}, a number with a sign or a leading zero, an empty value): picocli then reads the line,
 * with its errors and usage. {@code QuickArgsTest} checks both read every line alike.
 */
final class QuickArgs {

  private QuickArgs() {
  }

  /** The options {@code args} give, or null when picocli must read them. */
  static CommandLineOptions parse(String[] args) {
    CommandLineOptions options = new CommandLineOptions();
    Set<String> given = new HashSet<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      String value = null;
      int equals = name.indexOf('=');
      if (equals >= 0) {
        value = name.substring(equals + 1);
        name = name.substring(0, equals);
      }
      if (name.equals("--verbose")) {
        name = "--access-log"; // one option, two names
      }
      if (!isRepeatable(name) && !given.add(name)) {
        return null;
      }
      if (isFlag(name)) {
        if (value != null || !flag(options, name)) {
          return null;
        }
        continue;
      }
      if (value == null) {
        if (i + 1 == args.length) {
          return null;
        }
        value = args[++i];
      }
      if (value.isEmpty() || value.startsWith("-") || value.startsWith("@") || !option(options, name, value)) {
        return null;
      }
    }
    return options;
  }

  private static boolean isRepeatable(String name) {
    return name.equals("--tls-san") || name.equals("--user") || name.equals("--token");
  }

  private static boolean isFlag(String name) {
    return name.equals("--no-seed") || name.equals("--data-dir-truncate-corrupt") || name.equals("--no-http")
        || name.equals("--access-log");
  }

  private static boolean flag(CommandLineOptions options, String name) {
    switch (name) {
      case "--no-seed" -> options.noSeed = true;
      case "--data-dir-truncate-corrupt" -> options.truncateCorruptLog = true;
      case "--no-http" -> options.noHttp = true;
      case "--access-log" -> options.accessLog = true;
      default -> {
        return false;
      }
    }
    return true;
  }

  /** Sets option {@code name} to {@code value}; false when it is not one of these or the value no plain number. */
  private static boolean option(CommandLineOptions options, String name, String value) {
    switch (name) {
      case "--host" -> options.host = value;
      case "--seed-file" -> options.seedFile = Path.of(value);
      case "--data-dir" -> options.dataDir = Path.of(value);
      case "--tls-keystore" -> options.tlsKeystore = Path.of(value);
      case "--tls-password" -> options.tlsPassword = value;
      case "--tls-san" -> options.tlsSans.add(value);
      case "--export-cert" -> options.exportCert = Path.of(value);
      case "--user" -> options.users.add(value);
      case "--users" -> options.usersFile = Path.of(value);
      case "--token" -> options.tokens.add(value);
      case "--client-ca" -> options.clientCa = Path.of(value);
      case "--admin-token" -> options.adminToken = value;
      default -> {
        return number(options, name, value);
      }
    }
    return true;
  }

  private static boolean number(CommandLineOptions options, String name, String value) {
    if (!isPlainNumber(value)) {
      return false;
    }
    long number = Long.parseLong(value);
    if (number > Integer.MAX_VALUE && !isLong(name)) {
      return false; // picocli's message says why
    }
    int small = (int) number;
    switch (name) {
      case "--port" -> options.port = small;
      case "--page-size" -> options.pageSize = small;
      case "--journal-size" -> options.journalSize = small;
      case "--https-port" -> options.httpsPort = small;
      case "--journal-body-bytes" -> options.journalBodyBytes = small;
      case "--max-batch-parts" -> options.maxBatchParts = small;
      case "--max-expression-length" -> options.maxExpressionLength = small;
      case "--max-expression-depth" -> options.maxExpressionDepth = small;
      case "--max-entities-per-subscription" -> options.maxEntitiesPerSubscription = small;
      case "--max-connections" -> options.maxConnections = small;
      case "--job-duration" -> options.jobDurationMillis = number;
      case "--max-fault-delay" -> options.maxFaultDelaySeconds = number;
      case "--idle-timeout" -> options.idleTimeoutMillis = number;
      case "--body-timeout" -> options.bodyTimeoutMillis = number;
      case "--stop-timeout" -> options.stopTimeoutMillis = number;
      case "--max-log-bytes" -> options.maxLogBytes = number;
      default -> {
        return false;
      }
    }
    return true;
  }

  private static boolean isLong(String name) {
    return switch (name) {
      case "--job-duration", "--max-fault-delay", "--idle-timeout", "--body-timeout", "--stop-timeout",
          "--max-log-bytes" -> true;
      default -> false;
    };
  }

  /** Digits only, no sign, no leading zero, at most 18 of them: read alike by every number parser. */
  static boolean isPlainNumber(String value) {
    if (value.isEmpty() || value.length() > 18 || (value.charAt(0) == '0' && value.length() > 1)) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
