package io.sluice.server.embedded;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * The children of one embedded component. {@link #close()} may come from another thread (or the shutdown hook)
 * while the component is still starting: it stops the children started so far, and starting more fails.
 */
final class ChildGroup {
    private final String component;

    // guarded by this
    private final List<ChildProcess> children = new ArrayList<>();
    private boolean closed;

    ChildGroup(String component) {
        this.component = requireNonNull(component, "component is null");
    }

    /** Starts {@code child} as a member of this group, unless the group was closed meanwhile. */
    synchronized void start(ChildProcess child) {
        checkOpen();
        children.add(child);
        child.start();
    }

    /** Fails when the group was closed, or a child was stopped (JVM shutdown), while the component was starting. */
    synchronized void checkOpen() {
        if (closed || children.stream().anyMatch(ChildProcess::isStopping)) {
            throw new EmbeddedProcessException(component + " was stopped while it was starting");
        }
    }

    /** Stops all children in parallel and returns once they are gone; true on the first call. */
    boolean close() {
        List<ChildProcess> toStop;
        boolean first;
        synchronized (this) {
            first = !closed;
            closed = true;
            toStop = List.copyOf(children);
        }
        ChildProcess.stopAll(toStop);
        return first;
    }

    synchronized List<ChildProcess> children() {
        return new ArrayList<>(children);
    }
}
