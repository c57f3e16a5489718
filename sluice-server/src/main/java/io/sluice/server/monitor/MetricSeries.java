package io.sluice.server.monitor;

import java.util.List;

/** One metric of one vertex (or of the job, with an empty vertex id) over time: [epoch millis, value] points. */
public record MetricSeries(String vertexId, String vertexName, String metric, List<List<Number>> points) {
    public MetricSeries {
        points = List.copyOf(points);
    }
}
