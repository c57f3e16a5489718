import { screen } from '@testing-library/react';
import { fakeApi, renderPage } from '../testing';
import { JobsPage } from './JobsPage';

describe('JobsPage', () => {
  it('lists jobs with state, version, uptime, restarts and the monitor\'s figures', async () => {
    renderPage(<JobsPage />, fakeApi({
      jobs: async () => [
        { name: 'pv', version: 2, latestVersion: 3, state: 'RUNNING', desiredState: 'RUNNING', flinkJobId: 'f', dashboardUrl: null,
          deployedAt: new Date(Date.now() - 3_700_000).toISOString(), restarts: 1, message: null,
          summary: { sampledAt: new Date().toISOString(), recordsInPerSecond: 50, recordsOutPerSecond: 20.5,
            lastCheckpointAt: new Date(Date.now() - 12_000).toISOString() } },
        { name: 'etl', version: null, latestVersion: 1, state: 'NOT_DEPLOYED', desiredState: 'STOPPED', flinkJobId: null, dashboardUrl: null,
          deployedAt: null, restarts: null, message: null, summary: null },
      ],
    }));
    const pv = (await screen.findByRole('link', { name: 'pv' })).closest('tr')!;
    expect(pv).toHaveTextContent('RUNNING');
    expect(pv).toHaveTextContent('v2 of v3');
    expect(pv).toHaveTextContent('1h 1m');
    expect(pv).toHaveTextContent('50.0 rec/s');
    expect(pv).toHaveTextContent('20.5 rec/s');
    expect(pv).toHaveTextContent(/1[23]s ago/);
    expect(screen.getByRole('link', { name: 'etl' }).closest('tr')).toHaveTextContent('NOT DEPLOYED');
  });
});
