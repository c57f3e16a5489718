import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useApi } from '../api/context';
import type { CheckpointStats, JobVersion } from '../api/types';
import { JobGraph } from '../components/JobGraph';
import { MetricCharts } from '../components/MetricCharts';
import { StateBadge } from '../components/StateBadge';
import { VersionDiff } from '../components/VersionDiff';
import { bytes, duration, timestamp, uptime } from '../format';
import { usePolling } from '../usePolling';

type Tab = 'overview' | 'versions' | 'savepoints';
const ACTIVE = new Set(['RUNNING', 'CREATED', 'INITIALIZING', 'RECONCILING', 'DEPLOYING', 'RESTARTING']);

/** One job, like a CI system's pipeline page: state and actions on top, graph, versions and savepoints below. */
export function JobPage() {
  const { name = '' } = useParams();
  const api = useApi();
  const [tab, setTab] = useState<Tab>('overview');
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const status = usePolling(() => api.status(name), 2000, [name]);
  const versions = usePolling(() => api.versions(name), 0, [name]);
  const savepoints = usePolling(() => api.savepoints(name), 0, [name]);
  const state = status.data?.state ?? '…';
  const active = ACTIVE.has(state);

  async function act(label: string, action: () => Promise<unknown>) {
    setBusy(label);
    setActionError(null);
    try {
      await action();
    } catch (e) {
      setActionError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
      await Promise.all([status.refresh(), savepoints.refresh(), versions.refresh()]);
    }
  }

  const s = status.data;
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <div className="breadcrumb"><Link to="/jobs">Jobs</Link> /</div>
          <h1>{name} <StateBadge state={state} /></h1>
        </div>
        <div className="actions">
          <Link className="button" to={`/editor?job=${encodeURIComponent(name)}`}>Edit SQL</Link>
          <button
            disabled={!!busy || (active && s?.version === s?.latestVersion)}
            title={active ? 'stops the running version with a savepoint, then deploys the latest one from it' : 'resumes from the latest savepoint'}
            onClick={() => act('Deploying', () => api.deploy(name))}
          >
            Deploy v{s?.latestVersion ?? ''}
          </button>
          <button disabled={!!busy || !active} onClick={() => act('Restarting', () => api.restart(name))}>Restart</button>
          <button disabled={!!busy || state !== 'RUNNING'} onClick={() => act('Taking a savepoint', () => api.triggerSavepoint(name))}>
            Savepoint
          </button>
          <button className="danger" disabled={!!busy || !active} onClick={() => act('Stopping with a savepoint', () => api.stop(name, true))}>
            Stop with savepoint
          </button>
        </div>
      </div>
      {busy && <div className="notice" role="status">{busy}…</div>}
      {(actionError || status.error) && <div className="alert" role="alert">{actionError ?? status.error}</div>}

      <dl className="facts">
        <div><dt>{active ? 'Running version' : 'Last deployed version'}</dt><dd>{s?.version ? `v${s.version}` : '—'}</dd></div>
        <div><dt>Latest version</dt><dd>v{s?.latestVersion ?? '—'}</dd></div>
        <div><dt>Uptime</dt><dd>{s ? uptime(s.state, s.deployedAt, Date.now()) : '—'}</dd></div>
        <div><dt>Restarts</dt><dd>{s?.restarts ?? '—'}</dd></div>
        <div><dt>Deployed at</dt><dd>{timestamp(s?.deployedAt ?? null)}</dd></div>
        <div><dt>Flink job</dt><dd>{s?.dashboardUrl ? <a href={s.dashboardUrl} target="_blank" rel="noreferrer">{s.flinkJobId?.slice(0, 8)}</a> : '—'}</dd></div>
      </dl>

      <div className="tabs page-tabs">
        <button className={tab === 'overview' ? 'active' : ''} onClick={() => setTab('overview')}>Overview</button>
        <button className={tab === 'versions' ? 'active' : ''} onClick={() => setTab('versions')}>
          Versions <span className="count">{versions.data?.length ?? 0}</span>
        </button>
        <button className={tab === 'savepoints' ? 'active' : ''} onClick={() => setTab('savepoints')}>
          Savepoints <span className="count">{savepoints.data?.length ?? 0}</span>
        </button>
      </div>

      {tab === 'overview' && (
        <>
          {s?.message && (
            <section className="card">
              <h2>{state === 'FAILED' || state === 'FAILING' || state === 'RESTARTING' ? 'Exception' : 'Message'}</h2>
              <pre className="exception" aria-label="Exception">{s.message}</pre>
            </section>
          )}
          <GraphSection name={name} active={active} />
        </>
      )}
      {tab === 'versions' && versions.data && <Versions versions={versions.data} deployed={s?.version ?? null} />}
      {tab === 'savepoints' && (
        <table className="grid" aria-label="Savepoints">
          <thead><tr><th>#</th><th>Trigger</th><th>From version</th><th>Size</th><th>Taken</th><th>Location</th></tr></thead>
          <tbody>
            {savepoints.data?.map((sp) => (
              <tr key={sp.id}>
                <td>{sp.id}</td>
                <td>{sp.trigger === 'STOP' ? 'on stop' : 'manual'}</td>
                <td>v{sp.version}</td>
                <td>{bytes(sp.sizeBytes)}</td>
                <td>{timestamp(sp.createdAt)}</td>
                <td className="mono small">{sp.location}</td>
              </tr>
            ))}
            {savepoints.data?.length === 0 && <tr><td colSpan={6} className="empty">No savepoints yet.</td></tr>}
          </tbody>
        </table>
      )}
    </div>
  );
}

function GraphSection({ name, active }: { name: string; active: boolean }) {
  const api = useApi();
  const graph = usePolling(() => api.graph(name), active ? 2000 : 0, [name, active]);
  // the server's monitor keeps samples, so the charts cover the last hour even after a reload
  const metrics = usePolling(() => api.metrics(name, 60), active ? 5000 : 0, [name, active]);

  return (
    <>
      {graph.data && <Checkpoints stats={graph.data.checkpoints} />}
      <section className="card">
        <h2>Job graph</h2>
        {graph.data ? (
          <div className="graph-scroll"><JobGraph vertices={graph.data.vertices} /></div>
        ) : (
          <p className="muted">{graph.error ?? 'Loading…'}</p>
        )}
      </section>
      {metrics.data && metrics.data.series.length > 0 && (
        <section className="card">
          <h2>Last hour</h2>
          <MetricCharts series={metrics.data.series} />
        </section>
      )}
    </>
  );
}

function Checkpoints({ stats }: { stats: CheckpointStats }) {
  if (stats.completed === undefined) return null;
  return (
    <p className="checkpoints" aria-label="Checkpoints">
      <strong>Checkpoints</strong> {stats.completed} completed · {stats.failed} failed
      {stats.lastCompletedAt !== undefined && (
        <> · last #{stats.lastId} {duration(Date.now() - stats.lastCompletedAt)} ago, took {stats.lastDurationMs} ms, {bytes(stats.lastSizeBytes ?? null)}</>
      )}
    </p>
  );
}

function Versions({ versions, deployed }: { versions: JobVersion[]; deployed: number | null }) {
  const newest = versions[versions.length - 1]?.version ?? 1;
  const [from, setFrom] = useState(Math.max(1, newest - 1));
  const [to, setTo] = useState(newest);
  const a = versions.find((v) => v.version === from);
  const b = versions.find((v) => v.version === to);
  return (
    <div className="versions">
      <table className="grid" aria-label="Versions">
        <thead><tr><th>Version</th><th>Created</th><th>Settings</th><th /></tr></thead>
        <tbody>
          {[...versions].reverse().map((v) => (
            <tr key={v.version}>
              <td>v{v.version}</td>
              <td>{timestamp(v.createdAt)}</td>
              <td className="mono small">
                {Object.entries(v.settings).filter(([, x]) => x !== null).map(([k, x]) => `${k}=${x}`).join(' ') || 'defaults'}
              </td>
              <td>{v.version === deployed && <span className="tag">deployed</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section className="card">
        <h2>
          Compare
          <select aria-label="From version" value={from} onChange={(e) => setFrom(Number(e.target.value))}>
            {versions.map((v) => <option key={v.version} value={v.version}>v{v.version}</option>)}
          </select>
          with
          <select aria-label="To version" value={to} onChange={(e) => setTo(Number(e.target.value))}>
            {versions.map((v) => <option key={v.version} value={v.version}>v{v.version}</option>)}
          </select>
        </h2>
        {a && b && <VersionDiff from={a} to={b} />}
      </section>
    </div>
  );
}
