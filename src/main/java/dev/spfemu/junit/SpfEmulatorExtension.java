package dev.spfemu.junit;

import dev.spfemu.EmulatorOptions;
import dev.spfemu.SpfEmulator;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 support: one emulator per test class, on a free port, reset to its starting world before
 * each test. Use it through {@link SpfEmulatorTest}, or register it with options:
 *
 * <pre>{@code
 * @RegisterExtension
 * static SpfEmulatorExtension spf = SpfEmulatorExtension.builder()
 *     .options(EmulatorOptions.builder().seed(false).pageSize(50))
 *     .build();
 * }</pre>
 *
 * Every test class gets its own emulator (kept in the class's extension store), so classes can run
 * in parallel. The emulator is stopped when the class is done.
 */
public final class SpfEmulatorExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SpfEmulatorExtension.class);
  private static final String EMULATOR = "emulator";

  private final EmulatorOptions.Builder options;
  private final boolean resetBeforeEach;

  /** The extension {@link SpfEmulatorTest} registers: options from the annotation. */
  public SpfEmulatorExtension() {
    this(null, true);
  }

  private SpfEmulatorExtension(EmulatorOptions.Builder options, boolean resetBeforeEach) {
    this.options = options;
    this.resetBeforeEach = resetBeforeEach;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    emulator(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (resetBeforeEach) {
      emulator(context).reset();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SpfEmulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return emulator(context);
  }

  /** The class's emulator, started on first use and closed with the class's store. */
  private SpfEmulator emulator(ExtensionContext context) {
    ExtensionContext classContext = classContext(context);
    return classContext.getStore(NAMESPACE)
        .getOrComputeIfAbsent(EMULATOR, key -> new RunningEmulator(start(classContext)), RunningEmulator.class)
        .emulator();
  }

  private SpfEmulator start(ExtensionContext classContext) {
    EmulatorOptions.Builder builder = options != null ? options : fromAnnotation(classContext);
    return SpfEmulator.create(builder.dynamicPort().build()).start();
  }

  private static EmulatorOptions.Builder fromAnnotation(ExtensionContext context) {
    Optional<SpfEmulatorTest> annotation = context.getTestClass()
        .map(type -> type.getAnnotation(SpfEmulatorTest.class));
    EmulatorOptions.Builder builder = EmulatorOptions.builder();
    annotation.ifPresent(test -> builder.seed(test.seed()).pageSize(test.pageSize())
        .jobDuration(Duration.ofMillis(test.jobDurationMillis())));
    return builder;
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }

  /** The emulator in the extension store: JUnit closes it when the class is done. */
  private record RunningEmulator(SpfEmulator emulator) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() {
      emulator.close();
    }
  }

  /** Options for a registered extension. */
  public static final class Builder {
    private EmulatorOptions.Builder options = EmulatorOptions.builder();
    private boolean resetBeforeEach = true;

    private Builder() {
    }

    /** The emulator's options (the port is always a free one). */
    public Builder options(EmulatorOptions.Builder options) {
      this.options = options;
      return this;
    }

    /** Whether each test starts from the starting world (default true). */
    public Builder resetBeforeEach(boolean resetBeforeEach) {
      this.resetBeforeEach = resetBeforeEach;
      return this;
    }

    public SpfEmulatorExtension build() {
      return new SpfEmulatorExtension(options, resetBeforeEach);
    }
  }
}
