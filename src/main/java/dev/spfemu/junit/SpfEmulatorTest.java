package dev.spfemu.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against its own SPF VMM emulator: started on a free port before the first
 * test, back to its starting world before each test, stopped after the last. Test methods and
 * constructors may declare a {@link dev.spfemu.SpfEmulator} parameter to get it.
 *
 * <pre>{@code
 * @SpfEmulatorTest
 * class MyClientTest {
 *   @Test
 *   void createsACheckpoint(SpfEmulator spf) {
 *     String root = spf.serviceRoot("ae122d5f-3aab-4d75-ad48-d6593246a49e");
 *     ...
 *   }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(SpfEmulatorExtension.class)
public @interface SpfEmulatorTest {

  /** Whether the emulator starts with the demo world (true) or empty (false). */
  boolean seed() default true;

  /** The most entities in one collection response. */
  int pageSize() default 1000;

  /** How long VMM jobs run, in milliseconds. */
  long jobDurationMillis() default 0;
}
