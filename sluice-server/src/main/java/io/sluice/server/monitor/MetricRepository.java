package io.sluice.server.monitor;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.sluice.server.store.Jdbc;
import io.sluice.server.store.MetadataStore;
import io.sluice.server.store.StoreException;

/** The monitor's samples in the metadata store. */
public final class MetricRepository {
    private final MetadataStore store;
    private final Jdbc jdbc;

    public MetricRepository(MetadataStore store) {
        this.store = requireNonNull(store, "store is null");
        this.jdbc = new Jdbc(store);
    }

    public void insert(List<MetricSample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        try (Connection connection = store.connection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO metric_samples"
                        + " (job_name, vertex_id, vertex_name, metric, sampled_at, sample_value) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (MetricSample sample : samples) {
                insert.setString(1, sample.job());
                insert.setString(2, sample.vertexId());
                insert.setString(3, sample.vertexName());
                insert.setString(4, sample.metric());
                insert.setTimestamp(5, Timestamp.from(sample.sampledAt()));
                insert.setDouble(6, sample.value());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("record metric samples of " + samples.get(0).job(), e);
        }
    }

    /** The job's samples taken at or after {@code since}, oldest first. */
    public List<MetricSample> since(String job, Instant since) {
        return jdbc.query("read metric samples of " + job,
                "SELECT * FROM metric_samples WHERE job_name = ? AND sampled_at >= ? ORDER BY sampled_at, vertex_id, metric",
                statement -> {
                    statement.setString(1, job);
                    statement.setTimestamp(2, Timestamp.from(since));
                }, MetricRepository::read);
    }

    /** The samples of the job's most recent round. */
    public List<MetricSample> latest(String job) {
        return jdbc.query("read the latest metric samples of " + job,
                "SELECT * FROM metric_samples WHERE job_name = ? AND sampled_at ="
                        + " (SELECT MAX(sampled_at) FROM metric_samples WHERE job_name = ?)",
                statement -> {
                    statement.setString(1, job);
                    statement.setString(2, job);
                }, MetricRepository::read);
    }

    /** Drops samples older than {@code before}; returns how many. */
    public int deleteBefore(Instant before) {
        return jdbc.update("drop old metric samples", "DELETE FROM metric_samples WHERE sampled_at < ?",
                statement -> statement.setTimestamp(1, Timestamp.from(before)));
    }

    private static MetricSample read(ResultSet row) throws SQLException {
        return new MetricSample(row.getString("job_name"), row.getString("vertex_id"), row.getString("vertex_name"),
                row.getString("metric"), row.getTimestamp("sampled_at").toInstant(), row.getDouble("sample_value"));
    }
}
