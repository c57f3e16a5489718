package io.sluice.server.embedded;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.CoreOptions;

/** The two kinds of Flink processes of a session cluster, with what differs between them. */
enum FlinkRole {
    JOB_MANAGER(
            "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
            "GET_JM_RESOURCE_PARAMS",
            CoreOptions.FLINK_DEFAULT_JM_JVM_OPTIONS,
            CoreOptions.FLINK_JM_JVM_OPTIONS),
    TASK_MANAGER(
            "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
            "GET_TM_RESOURCE_PARAMS",
            CoreOptions.FLINK_DEFAULT_TM_JVM_OPTIONS,
            CoreOptions.FLINK_TM_JVM_OPTIONS);

    private final String mainClass;
    private final String resourceParamsCommand;
    private final ConfigOption<String> defaultJvmOptions;
    private final ConfigOption<String> jvmOptions;

    FlinkRole(String mainClass, String resourceParamsCommand, ConfigOption<String> defaultJvmOptions, ConfigOption<String> jvmOptions) {
        this.mainClass = mainClass;
        this.resourceParamsCommand = resourceParamsCommand;
        this.defaultJvmOptions = defaultJvmOptions;
        this.jvmOptions = jvmOptions;
    }

    String mainClass() {
        return mainClass;
    }

    /** The BashJavaUtils command that computes this role's memory flags. */
    String resourceParamsCommand() {
        return resourceParamsCommand;
    }

    ConfigOption<String> defaultJvmOptions() {
        return defaultJvmOptions;
    }

    ConfigOption<String> jvmOptions() {
        return jvmOptions;
    }
}
