package io.sluice.server.jobs;

/** What the user last asked for; the reconciler brings the cluster back to it after a restart. */
public enum DesiredState {
    RUNNING,
    STOPPED
}
