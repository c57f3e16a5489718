package io.sluice.cli.bench;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * CPU time used by the cluster's TaskManager processes. When they run on this machine (the embedded
 * cluster) each is found by the data port it listens on and its CPU time is read from the operating
 * system, exact at any moment. Otherwise the TaskManagers' {@code Status.JVM.CPU.Time} metric is
 * used, which the JobManager refreshes only every few seconds.
 */
final class TaskManagerCpu {
    private final FlinkRest flink;
    private final List<ProcessHandle> processes;

    private TaskManagerCpu(FlinkRest flink, List<ProcessHandle> processes) {
        this.flink = requireNonNull(flink, "flink is null");
        this.processes = List.copyOf(processes);
    }

    static TaskManagerCpu of(FlinkRest flink) {
        Set<Integer> ports = new HashSet<>();
        flink.taskManagers().forEach(taskManager -> ports.add(taskManager.dataPort()));
        return new TaskManagerCpu(flink, localProcessesListeningOn(ports));
    }

    /** Where the figures come from, for the report. */
    String source() {
        return processes.isEmpty() ? "TaskManager metric Status.JVM.CPU.Time (refreshed every few seconds)"
                : "operating system CPU time of TaskManager process(es) " + processes.stream()
                        .map(process -> Long.toString(process.pid())).toList();
    }

    /** Total CPU time of all TaskManagers so far. */
    Duration total() {
        if (processes.isEmpty()) {
            long nanos = 0;
            for (FlinkRest.TaskManager taskManager : flink.taskManagers()) {
                nanos += flink.cpuTimeMetricNanos(taskManager.id());
            }
            return Duration.ofNanos(nanos);
        }
        Duration total = Duration.ZERO;
        for (ProcessHandle process : processes) {
            total = total.plus(process.info().totalCpuDuration().orElse(Duration.ZERO));
        }
        return total;
    }

    /** Processes that hold a listening TCP socket on one of the ports, found through /proc (Linux only). */
    private static List<ProcessHandle> localProcessesListeningOn(Set<Integer> ports) {
        Set<String> sockets = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            sockets.addAll(listeningSocketInodes(Path.of(table), ports));
        }
        List<ProcessHandle> found = new ArrayList<>();
        if (sockets.isEmpty()) {
            return found;
        }
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path pid : pids) {
                if (holdsAny(pid.resolve("fd"), sockets)) {
                    ProcessHandle.of(Long.parseLong(pid.getFileName().toString())).ifPresent(found::add);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return found;
    }

    private static Set<String> listeningSocketInodes(Path table, Set<Integer> ports) {
        Set<String> inodes = new HashSet<>();
        if (!Files.isReadable(table)) {
            return inodes;
        }
        try {
            for (String line : Files.readAllLines(table)) {
                String[] fields = line.trim().split("\\s+");
                // sl local_address rem_address st ... inode; st 0A is LISTEN
                if (fields.length < 10 || !fields[3].equals("0A") || !fields[1].contains(":")) {
                    continue;
                }
                int port = Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1), 16);
                if (ports.contains(port)) {
                    inodes.add("socket:[" + fields[9] + "]");
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Set.of();
        }
        return inodes;
    }

    private static boolean holdsAny(Path fdDirectory, Set<String> sockets) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDirectory)) {
            for (Path fd : fds) {
                Optional<String> target = readLink(fd);
                if (target.isPresent() && sockets.contains(target.get())) {
                    return true;
                }
            }
        } catch (IOException | SecurityException e) {
            // another user's process, or one that just exited: not a TaskManager we can measure
            return false;
        }
        return false;
    }

    private static Optional<String> readLink(Path fd) {
        try {
            return Optional.of(Files.readSymbolicLink(fd).toString().toLowerCase(Locale.ROOT));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }
}
