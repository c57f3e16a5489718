package io.sluice.server.jobs;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sluice.server.store.Jdbc;
import io.sluice.server.store.MetadataStore;
import io.sluice.server.store.StoreException;
import io.sluice.sql.JobSettings;

/** Jobs, their versions and their deployments in the metadata store. */
public final class JobRepository {
    private final MetadataStore store;
    private final Jdbc jdbc;
    private final ObjectMapper json = new ObjectMapper();

    public JobRepository(MetadataStore store) {
        this.store = requireNonNull(store, "store is null");
        this.jdbc = new Jdbc(store);
    }

    public List<Job> list() {
        return jdbc.query("list jobs", "SELECT * FROM jobs ORDER BY name", Jdbc.Binder.NONE, JobRepository::readJob);
    }

    public Optional<Job> find(String name) {
        return jdbc.query("read job " + name, "SELECT * FROM jobs WHERE name = ?",
                statement -> statement.setString(1, name), JobRepository::readJob).stream().findFirst();
    }

    /** Creates the job with its first version in one transaction. */
    public void create(Job job, JobVersion first) {
        try (Connection connection = store.connection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO jobs (name, desired_state, created_at) VALUES (?, ?, ?)")) {
                insert.setString(1, job.name());
                insert.setString(2, job.desiredState().name());
                insert.setTimestamp(3, Timestamp.from(job.createdAt()));
                insert.executeUpdate();
            }
            insertVersion(connection, first);
            connection.commit();
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("create job " + job.name(), e);
        }
    }

    /** Adds the next version; the version number is chosen inside the transaction. */
    public JobVersion addVersion(String job, String sql, JobSettings settings, Instant now) {
        try (Connection connection = store.connection()) {
            connection.setAutoCommit(false);
            int next;
            try (PreparedStatement max = connection.prepareStatement(
                    "SELECT COALESCE(MAX(version), 0) FROM job_versions WHERE job_name = ?")) {
                max.setString(1, job);
                try (ResultSet rows = max.executeQuery()) {
                    rows.next();
                    next = rows.getInt(1) + 1;
                }
            }
            JobVersion version = new JobVersion(job, next, sql, settings, now);
            insertVersion(connection, version);
            connection.commit();
            return version;
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("add a version to job " + job, e);
        }
    }

    public List<JobVersion> versions(String job) {
        return jdbc.query("list versions of " + job, "SELECT * FROM job_versions WHERE job_name = ? ORDER BY version",
                statement -> statement.setString(1, job), this::readVersion);
    }

    public Optional<JobVersion> version(String job, int version) {
        return jdbc.query("read version " + version + " of " + job,
                "SELECT * FROM job_versions WHERE job_name = ? AND version = ?",
                statement -> {
                    statement.setString(1, job);
                    statement.setInt(2, version);
                }, this::readVersion).stream().findFirst();
    }

    public void setDesiredState(String job, DesiredState state) {
        jdbc.update("set desired state of " + job, "UPDATE jobs SET desired_state = ? WHERE name = ?", statement -> {
            statement.setString(1, state.name());
            statement.setString(2, job);
        });
    }

    public void delete(String job) {
        jdbc.update("delete job " + job, "DELETE FROM jobs WHERE name = ?", statement -> statement.setString(1, job));
    }

    public Deployment insertDeployment(Deployment deployment) {
        try (Connection connection = store.connection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO deployments (job_name, version, flink_job_id, state, message, deployed_at, ended_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, deployment.job());
            insert.setInt(2, deployment.version());
            insert.setString(3, deployment.flinkJobId());
            insert.setString(4, deployment.state());
            insert.setString(5, deployment.message());
            insert.setTimestamp(6, Timestamp.from(deployment.deployedAt()));
            insert.setTimestamp(7, deployment.endedAt() == null ? null : Timestamp.from(deployment.endedAt()));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                long id = keys.getLong(1);
                return new Deployment(id, deployment.job(), deployment.version(), deployment.flinkJobId(),
                        deployment.state(), deployment.message(), deployment.deployedAt(), deployment.endedAt());
            }
        } catch (SQLException e) {
            throw new StoreException("record a deployment of " + deployment.job(), e);
        }
    }

    public void updateDeployment(Deployment deployment) {
        jdbc.update("update deployment " + deployment.id(),
                "UPDATE deployments SET flink_job_id = ?, state = ?, message = ?, ended_at = ? WHERE id = ?", statement -> {
                    statement.setString(1, deployment.flinkJobId());
                    statement.setString(2, deployment.state());
                    statement.setString(3, deployment.message());
                    statement.setTimestamp(4, deployment.endedAt() == null ? null : Timestamp.from(deployment.endedAt()));
                    statement.setLong(5, deployment.id());
                });
    }

    public Optional<Deployment> latestDeployment(String job) {
        return jdbc.query("read deployments of " + job,
                "SELECT * FROM deployments WHERE job_name = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY",
                statement -> statement.setString(1, job), JobRepository::readDeployment).stream().findFirst();
    }

    private void insertVersion(Connection connection, JobVersion version) throws SQLException, JsonProcessingException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO job_versions (job_name, version, sql_text, settings, created_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, version.job());
            insert.setInt(2, version.version());
            insert.setString(3, version.sql());
            insert.setString(4, json.writeValueAsString(version.settings()));
            insert.setTimestamp(5, Timestamp.from(version.createdAt()));
            insert.executeUpdate();
        }
    }

    private JobVersion readVersion(ResultSet row) throws SQLException {
        try {
            return new JobVersion(row.getString("job_name"), row.getInt("version"), row.getString("sql_text"),
                    json.readValue(row.getString("settings"), JobSettings.class),
                    row.getTimestamp("created_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new SQLException("settings of " + row.getString("job_name") + " are stored in an unreadable form", e);
        }
    }

    private static Job readJob(ResultSet row) throws SQLException {
        return new Job(row.getString("name"), DesiredState.valueOf(row.getString("desired_state")),
                row.getTimestamp("created_at").toInstant());
    }

    private static Deployment readDeployment(ResultSet row) throws SQLException {
        Timestamp ended = row.getTimestamp("ended_at");
        return new Deployment(row.getLong("id"), row.getString("job_name"), row.getInt("version"),
                row.getString("flink_job_id"), row.getString("state"), row.getString("message"),
                row.getTimestamp("deployed_at").toInstant(), ended == null ? null : ended.toInstant());
    }
}
