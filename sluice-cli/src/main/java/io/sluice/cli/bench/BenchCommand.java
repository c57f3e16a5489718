package io.sluice.cli.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "bench",
        description = "Benchmarks that run the same SQL as plain Flink and as Sluice (its default job profile) on "
                + "the same cluster, one after the other, check that both give the same final result, and print "
                + "Sluice's figures relative to Flink's. See docs/performance.md.")
public final class BenchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return io.sluice.cli.ErrorReporter.USAGE;
    }
}
