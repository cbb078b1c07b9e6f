package dev.spfemu.bench;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The run settings the micro-benchmarks share, in one place (JMH reads them from the superclass): the
 * average time of a call, one fork, 3 warm-up and 5 measured iterations of 1 s. A run's own options
 * ({@code -f}, {@code -wi}, {@code -i}, ...) override them.
 */
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public abstract class MicroBenchmark {
}
