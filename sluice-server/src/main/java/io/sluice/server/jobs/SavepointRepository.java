package io.sluice.server.jobs;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import io.sluice.server.store.MetadataStore;
import io.sluice.server.store.StoreException;
import io.sluice.server.store.Jdbc;

/** The savepoints of every job in the metadata store, newest first. */
public final class SavepointRepository {
    private final MetadataStore store;
    private final Jdbc jdbc;

    public SavepointRepository(MetadataStore store) {
        this.store = requireNonNull(store, "store is null");
        this.jdbc = new Jdbc(store);
    }

    public Savepoint insert(Savepoint savepoint) {
        try (var connection = store.connection();
                var insert = connection.prepareStatement("INSERT INTO savepoints (job_name, version, flink_job_id, location,"
                        + " size_bytes, trigger_kind, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, savepoint.job());
            insert.setInt(2, savepoint.version());
            insert.setString(3, savepoint.flinkJobId());
            insert.setString(4, savepoint.location());
            insert.setObject(5, savepoint.sizeBytes());
            insert.setString(6, savepoint.trigger().name());
            insert.setTimestamp(7, Timestamp.from(savepoint.createdAt()));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new Savepoint(keys.getLong(1), savepoint.job(), savepoint.version(), savepoint.flinkJobId(),
                        savepoint.location(), savepoint.sizeBytes(), savepoint.trigger(), savepoint.createdAt());
            }
        } catch (SQLException e) {
            throw new StoreException("record a savepoint of " + savepoint.job(), e);
        }
    }

    public List<Savepoint> list(String job) {
        return jdbc.query("list savepoints of " + job, "SELECT * FROM savepoints WHERE job_name = ? ORDER BY id DESC",
                statement -> statement.setString(1, job), SavepointRepository::read);
    }

    public Optional<Savepoint> find(String job, long id) {
        return jdbc.query("read savepoint " + id + " of " + job, "SELECT * FROM savepoints WHERE job_name = ? AND id = ?",
                statement -> {
                    statement.setString(1, job);
                    statement.setLong(2, id);
                }, SavepointRepository::read).stream().findFirst();
    }

    public Optional<Savepoint> latest(String job) {
        return list(job).stream().findFirst();
    }

    private static Savepoint read(ResultSet row) throws SQLException {
        long size = row.getLong("size_bytes");
        return new Savepoint(row.getLong("id"), row.getString("job_name"), row.getInt("version"),
                row.getString("flink_job_id"), row.getString("location"), row.wasNull() ? null : size,
                Savepoint.Trigger.valueOf(row.getString("trigger_kind")), row.getTimestamp("created_at").toInstant());
    }
}
