import { Link } from 'react-router-dom';
import type { SluiceApi } from '../api/client';
import { useApi } from '../api/context';
import type { JobGraph, JobStatus } from '../api/types';
import { StateBadge } from '../components/StateBadge';
import { duration, uptime, timestamp } from '../format';
import { usePolling } from '../usePolling';

/** Every job with its state, like a CI system's pipeline list. */
export function JobsPage() {
  const api = useApi();
  const { data: jobs, error } = usePolling(() => withGraphs(api), 3000, []);
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
            <th>Output</th>
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
              <td>{job.graph ? `${outputRate(job.graph).toFixed(1)} rec/s` : '—'}</td>
              <td>{job.graph?.checkpoints.lastCompletedAt ? `${duration(now - job.graph.checkpoints.lastCompletedAt)} ago` : '—'}</td>
              <td>{timestamp(job.deployedAt)}</td>
            </tr>
          ))}
          {jobs?.length === 0 && (
            <tr><td colSpan={8} className="empty">No jobs yet. <Link to="/editor">Write one in the editor.</Link></td></tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

type Row = JobStatus & { graph: JobGraph | null };

/** The jobs, and for each running one its graph (for output rate and checkpoint age). */
async function withGraphs(api: SluiceApi): Promise<Row[]> {
  const jobs = await api.jobs();
  return Promise.all(jobs.map(async (job) => ({
    ...job,
    // a graph that cannot be read (e.g. the job just stopped) leaves its columns empty
    graph: job.state === 'RUNNING' ? await api.graph(job.name).catch(() => null) : null,
  })));
}

/** Records per second leaving the job: the output of the chains nothing else reads from (its sinks). */
export function outputRate(graph: JobGraph): number {
  const read = new Set(graph.vertices.flatMap((v) => v.inputs));
  return graph.vertices.filter((v) => !read.has(v.id)).reduce((sum, v) => sum + (v.recordsOutPerSecond ?? 0), 0);
}
