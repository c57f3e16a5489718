import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { JobStatus } from '../api/types';
import { fakeApi, renderPage } from '../testing';
import { JobPage } from './JobPage';

const status = (state: string, message: string | null = null): JobStatus => ({
  name: 'pv', version: 1, latestVersion: 2, state, desiredState: 'RUNNING', flinkJobId: 'abc123ff00',
  dashboardUrl: 'http://flink/#/job/running/abc123ff00/overview', deployedAt: new Date(Date.now() - 65_000).toISOString(),
  restarts: 3, message,
});
const graph = {
  flinkJobId: 'abc123ff00', state: 'RUNNING',
  vertices: [{ id: 'v1', name: 'Source: clicks -> Sink: out', parallelism: 2, status: 'RUNNING', inputs: [], recordsIn: 0, recordsOut: 10, recordsOutPerSecond: 5, backpressure: 0, watermark: null }],
  checkpoints: { completed: 12, failed: 1, lastId: 13, lastCompletedAt: Date.now() - 4000, lastDurationMs: 120, lastSizeBytes: 2048 },
};
const versions = [
  { job: 'pv', version: 1, sql: 'SELECT 1', settings: {}, createdAt: '2026-01-01T00:00:00Z' },
  { job: 'pv', version: 2, sql: 'SELECT 2', settings: {}, createdAt: '2026-01-02T00:00:00Z' },
];

describe('JobPage', () => {
  it('shows the running deployment: state, restarts, uptime and the graph', async () => {
    renderPage(<JobPage />, fakeApi({
      status: async () => status('RUNNING'), versions: async () => versions, savepoints: async () => [], graph: async () => graph, metrics: async () => ({ job: 'pv', minutes: 60, summary: null, series: [] }),
    }), '/jobs/pv', '/jobs/:name');
    expect(await screen.findByText('RUNNING')).toBeInTheDocument();
    expect(screen.getByText('Restarts').nextSibling).toHaveTextContent('3');
    expect(screen.getByText('Uptime').nextSibling).toHaveTextContent(/^1m \d+s$/);
    expect(await screen.findAllByText('Source: clicks -> Sink: out')).not.toHaveLength(0);
    // v2 is newer than the running v1, so it can be deployed over it
    expect(screen.getByRole('button', { name: 'Deploy v2' })).toBeEnabled();
    expect(screen.getByLabelText('Checkpoints')).toHaveTextContent(/12 completed · 1 failed · last #13 [45]s ago, took 120 ms, 2\.0 KB/);
  });

  it('shows the exception of a failed job in full', async () => {
    const trace = 'java.lang.RuntimeException: boom\n\tat Foo.bar(Foo.java:1)\nCaused by: x';
    renderPage(<JobPage />, fakeApi({
      status: async () => status('FAILED', trace), versions: async () => versions, savepoints: async () => [], graph: async () => graph, metrics: async () => ({ job: 'pv', minutes: 60, summary: null, series: [] }),
    }), '/jobs/pv', '/jobs/:name');
    expect((await screen.findByLabelText('Exception')).textContent).toBe(trace);
  });

  it('stops with a savepoint and then lists it', async () => {
    let stopped = false;
    const stop = vi.fn(async () => { stopped = true; return status('STOPPED'); });
    renderPage(<JobPage />, fakeApi({
      status: async () => status(stopped ? 'STOPPED' : 'RUNNING'),
      versions: async () => versions,
      savepoints: async () => stopped ? [{ id: 7, job: 'pv', version: 1, flinkJobId: 'abc', location: 'file:/sp/savepoint-7', sizeBytes: 2048, trigger: 'STOP', createdAt: '2026-01-01T00:00:00Z' }] : [],
      graph: async () => graph, metrics: async () => ({ job: 'pv', minutes: 60, summary: null, series: [] }),
      stop,
    }), '/jobs/pv', '/jobs/:name');
    await userEvent.click(await screen.findByRole('button', { name: 'Stop with savepoint' }));
    expect(stop).toHaveBeenCalledWith('pv', true);
    expect(await screen.findByText('STOPPED')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /Savepoints/ }));
    expect(await screen.findByText('file:/sp/savepoint-7')).toBeInTheDocument();
    expect(screen.getByText('on stop')).toBeInTheDocument();
    expect(screen.getByText('2.0 KB')).toBeInTheDocument();
  });

  it('compares two versions', async () => {
    renderPage(<JobPage />, fakeApi({
      status: async () => status('RUNNING'), versions: async () => versions, savepoints: async () => [], graph: async () => graph, metrics: async () => ({ job: 'pv', minutes: 60, summary: null, series: [] }),
    }), '/jobs/pv', '/jobs/:name');
    await waitFor(() => expect(screen.getByRole('button', { name: /Versions/ })).toHaveTextContent('2'));
    await userEvent.click(screen.getByRole('button', { name: /Versions/ }));
    const diff = await screen.findByLabelText('Diff v1 to v2');
    expect(diff.querySelector('.diff-removed')).toHaveTextContent('SELECT 1');
    expect(diff.querySelector('.diff-added')).toHaveTextContent('SELECT 2');
  });
});
