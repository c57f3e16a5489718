package io.sluice.server.monitor;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the monitor's samples back: as series for charts, or as a job's latest figures. */
public final class JobMetrics {
    private final MetricRepository repository;
    private final Clock clock;

    public JobMetrics(MetricRepository repository, Clock clock) {
        this.repository = requireNonNull(repository, "repository is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Every series of the job over the last {@code window}, job-wide ones first. */
    public List<MetricSeries> series(String job, Duration window) {
        Map<List<String>, List<List<Number>>> points = new LinkedHashMap<>();
        Map<String, String> vertexNames = new LinkedHashMap<>();
        for (MetricSample sample : repository.since(job, clock.instant().minus(window))) {
            vertexNames.put(sample.vertexId(), sample.vertexName()); // the newest name of a vertex wins
            points.computeIfAbsent(List.of(sample.vertexId(), sample.metric()), key -> new ArrayList<>())
                    .add(List.of(sample.sampledAt().toEpochMilli(), sample.value()));
        }
        List<MetricSeries> series = new ArrayList<>();
        points.forEach((key, values) -> series.add(new MetricSeries(key.get(0), vertexNames.get(key.get(0)), key.get(1), values)));
        series.sort((a, b) -> a.vertexId().isEmpty() == b.vertexId().isEmpty()
                ? (a.vertexId() + a.metric()).compareTo(b.vertexId() + b.metric())
                : a.vertexId().isEmpty() ? -1 : 1);
        return series;
    }

    /** The job's latest figures, or empty when the monitor has not seen it run. */
    public Optional<JobSummary> summary(String job) {
        List<MetricSample> latest = repository.latest(job);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        double in = 0;
        double out = 0;
        Instant checkpoint = null;
        for (MetricSample sample : latest) {
            if (!sample.vertexId().equals(MetricSample.JOB_WIDE)) {
                continue;
            }
            switch (sample.metric()) {
                case "recordsInPerSecond" -> in = sample.value();
                case "recordsOutPerSecond" -> out = sample.value();
                case "lastCheckpointAt" -> checkpoint = sample.value() > 0 ? Instant.ofEpochMilli((long) sample.value()) : null;
                default -> { }
            }
        }
        return Optional.of(new JobSummary(latest.get(0).sampledAt(), in, out, checkpoint));
    }
}
