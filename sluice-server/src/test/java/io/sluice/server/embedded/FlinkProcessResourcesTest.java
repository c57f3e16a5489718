package io.sluice.server.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class FlinkProcessResourcesTest {
    @Test
    void keepsOnlyTheResultLinesJvmFlagsFirst() {
        String output = """
                WARNING: sun.reflect.Reflection.getCallerClass is not supported.
                INFO  [] - Loading configuration property: taskmanager.numberOfTaskSlots, 4
                BASH_JAVA_UTILS_EXEC_RESULT:-Xmx469762048 -Xms469762048 -XX:MaxMetaspaceSize=268435456
                BASH_JAVA_UTILS_EXEC_RESULT:-D jobmanager.memory.off-heap.size=134217728b -D jobmanager.memory.heap.size=469762048b
                """;

        FlinkProcessResources resources = FlinkProcessResources.parse(FlinkRole.JOB_MANAGER, output);

        assertEquals(List.of("-Xmx469762048", "-Xms469762048", "-XX:MaxMetaspaceSize=268435456"), resources.jvmFlags());
        assertEquals(List.of("-D", "jobmanager.memory.off-heap.size=134217728b", "-D", "jobmanager.memory.heap.size=469762048b"),
                resources.dynamicProperties());
    }

    @Test
    void missingResultLinesFailWithTheOutput() {
        EmbeddedProcessException e = assertThrows(EmbeddedProcessException.class,
                () -> FlinkProcessResources.parse(FlinkRole.TASK_MANAGER, "Exception in thread main: bad memory config\n"));
        assertTrue(e.getMessage().contains("GET_TM_RESOURCE_PARAMS"), e.getMessage());
        assertTrue(e.getMessage().contains("bad memory config"), e.getMessage());
    }
}
