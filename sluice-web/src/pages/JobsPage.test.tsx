import { screen } from '@testing-library/react';
import { fakeApi, renderPage } from '../testing';
import { JobsPage } from './JobsPage';

describe('JobsPage', () => {
  it('lists jobs with state, version, uptime and restarts', async () => {
    const graph = {
      flinkJobId: 'f', state: 'RUNNING', checkpoints: { completed: 3, failed: 0, lastCompletedAt: Date.now() - 12_000 },
      vertices: [
        { id: 'src', name: 'Source', parallelism: 1, status: 'RUNNING', inputs: [], recordsIn: 0, recordsOut: 100, recordsOutPerSecond: 50, backpressure: 0, watermark: null },
        { id: 'agg', name: 'Aggregate -> Sink', parallelism: 2, status: 'RUNNING', inputs: ['src'], recordsIn: 100, recordsOut: 40, recordsOutPerSecond: 20.5, backpressure: 0, watermark: null },
      ],
    };
    renderPage(<JobsPage />, fakeApi({
      graph: async (name: string) => { if (name !== 'pv') throw new Error('only pv runs'); return graph; },
      jobs: async () => [
        { name: 'pv', version: 2, latestVersion: 3, state: 'RUNNING', desiredState: 'RUNNING', flinkJobId: 'f', dashboardUrl: null,
          deployedAt: new Date(Date.now() - 3_700_000).toISOString(), restarts: 1, message: null },
        { name: 'etl', version: null, latestVersion: 1, state: 'NOT_DEPLOYED', desiredState: 'STOPPED', flinkJobId: null, dashboardUrl: null,
          deployedAt: null, restarts: null, message: null },
      ],
    }));
    const pv = (await screen.findByRole('link', { name: 'pv' })).closest('tr')!;
    expect(pv).toHaveTextContent('RUNNING');
    expect(pv).toHaveTextContent('v2 of v3');
    expect(pv).toHaveTextContent('1h 1m');
    expect(pv).toHaveTextContent('20.5 rec/s');
    expect(pv).toHaveTextContent(/1[23]s ago/);
    expect(screen.getByRole('link', { name: 'etl' }).closest('tr')).toHaveTextContent('NOT DEPLOYED');
  });
});
