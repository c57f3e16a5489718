import { Link } from 'react-router-dom';
import { useApi } from '../api/context';
import type { JobStatus } from '../api/types';
import { StateBadge } from '../components/StateBadge';
import { duration, uptime, timestamp } from '../format';
import { usePolling } from '../usePolling';

/** Every job with its state, like a CI system's pipeline list. */
export function JobsPage() {
  const api = useApi();
  const { data: jobs, error } = usePolling(() => api.jobs(), 3000, []);
  const now = Date.now();
  return (
    <div className="page">
      <div className="page-header">
        <h1>Jobs</h1>
        <Link className="button primary" to="/editor">New job</Link>
      </div>
      {error && <div className="alert">{error}</div>}
      <table className="grid" aria-label="Jobs">
        <thead>
          <tr>
            <th>Job</th>
            <th>Status</th>
            <th>Deployed version</th>
            <th>Uptime</th>
            <th>Restarts</th>
            <th>Records in</th>
            <th>Records out</th>
            <th>Last checkpoint</th>
            <th>Deployed at</th>
          </tr>
        </thead>
        <tbody>
          {jobs?.map((job) => (
            <tr key={job.name}>
              <td><Link to={`/jobs/${encodeURIComponent(job.name)}`}>{job.name}</Link></td>
              <td><StateBadge state={job.state} /></td>
              <td>{job.version === null ? '—' : `v${job.version}`} <span className="muted">of v{job.latestVersion}</span></td>
              <td>{uptime(job.state, job.deployedAt, now)}</td>
              <td>{job.restarts ?? '—'}</td>
              <td>{live(job) ? `${job.summary!.recordsInPerSecond.toFixed(1)} rec/s` : '—'}</td>
              <td>{live(job) ? `${job.summary!.recordsOutPerSecond.toFixed(1)} rec/s` : '—'}</td>
              <td>{live(job) && job.summary!.lastCheckpointAt ? `${duration(now - Date.parse(job.summary!.lastCheckpointAt))} ago` : '—'}</td>
              <td>{timestamp(job.deployedAt)}</td>
            </tr>
          ))}
          {jobs?.length === 0 && (
            <tr><td colSpan={9} className="empty">No jobs yet. <Link to="/editor">Write one in the editor.</Link></td></tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

/** Rates are shown for a running job only; a stopped job's last figures would read as current. */
function live(job: JobStatus) {
  return job.state === 'RUNNING' && job.summary != null;
}
