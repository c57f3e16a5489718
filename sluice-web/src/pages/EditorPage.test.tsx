import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EditorPage } from './EditorPage';
import { ApiError } from '../api/client';
import { fakeApi, renderPage } from '../testing';

describe('EditorPage', () => {
  it('marks a validation error in the gutter at its line and lists it under Problems', async () => {
    const validate = vi.fn(async () => ({
      valid: false,
      errors: [{ line: 23, column: 20, message: "Column 'user_nme' not found in any table" }],
      warnings: [],
    }));
    const { container } = renderPage(<EditorPage />, fakeApi({ validate }), '/editor');
    await userEvent.click(screen.getByRole('button', { name: 'Validate' }));

    expect(await screen.findByText('Line 23, column 20')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('1 problem found.');
    await waitFor(() => expect(container.querySelector('.cm-lint-marker-error')).not.toBeNull());
    const markedLine = container.querySelector('.cm-lintRange-error')?.closest('.cm-line');
    const lines = [...container.querySelectorAll('.cm-content .cm-line')];
    expect(lines.indexOf(markedLine!) + 1).toBe(23);
    expect(container.querySelector('.cm-lintRange-error')).toHaveTextContent('user_name');
  });

  it('sends only the settings the user chose', async () => {
    const validate = vi.fn(async (..._args: unknown[]) => ({ valid: true, errors: [], warnings: [] }));
    renderPage(<EditorPage />, fakeApi({ validate }), '/editor');
    await userEvent.type(screen.getByLabelText('Parallelism'), '4');
    await userEvent.selectOptions(screen.getByLabelText('State backend'), 'heap');
    await userEvent.click(screen.getByRole('button', { name: 'Validate' }));
    await screen.findByText('The script is valid.');
    expect(validate.mock.calls[0][1]).toEqual({ parallelism: 4, stateBackend: 'heap' });
  });

  it('shows the plan on Explain', async () => {
    renderPage(<EditorPage />, fakeApi({ explain: async () => ({ plan: '== Optimized Physical Plan ==\nSink(table=[clicks_8212])' }) }), '/editor');
    await userEvent.click(screen.getByRole('button', { name: 'Explain' }));
    expect(await screen.findByLabelText('Plan')).toHaveTextContent('Sink(table=[clicks_8212])');
  });

  it('previews the script on typed rows and shows the changes', async () => {
    const preview = vi.fn(async (..._args: unknown[]) => ({
      sinks: [{ table: 'clicks_8212', columns: ['event_time', 'user_name', 'page_id'],
        changelog: [{ kind: '+I', values: ['2026-11-27T10:00', 'ann', 8212] }],
        finalRows: [['2026-11-27T10:00', 'ann', 8212]], complete: true, note: null }],
    }));
    renderPage(<EditorPage />, fakeApi({ preview }), '/editor');
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect(await screen.findByText('INSERT INTO clicks_8212: 1 change, 1 row at the end')).toBeInTheDocument();
    expect(preview.mock.calls[0][1]).toBe(100);
    expect(preview.mock.calls[0][2]).toEqual({});

    await userEvent.selectOptions(screen.getByLabelText('Sample table'), 'clicks');
    await userEvent.type(screen.getByLabelText('Sample rows'), '{{"user_name": "ann"}');
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await waitFor(() => expect(preview).toHaveBeenCalledTimes(2));
    expect(preview.mock.calls[1][2]).toEqual({ clicks: ['{"user_name": "ann"}'] });
  });

  it('creates a new job, deploys its first version and opens its page', async () => {
    const createJob = vi.fn(async () => ({ name: 'pv', latestVersion: 1 }));
    const deploy = vi.fn(async () => ({ state: 'CREATED' }));
    renderPage(<EditorPage />, fakeApi({ jobs: async () => [], createJob, deploy }), '/editor');
    await userEvent.type(screen.getByLabelText('Job name'), 'pv');
    await userEvent.click(screen.getByRole('button', { name: 'Create & deploy' }));
    expect(await screen.findByTestId('job-page')).toBeInTheDocument();
    expect(createJob).toHaveBeenCalledWith('pv', expect.stringContaining('CREATE TABLE clicks'), {});
    expect(deploy).toHaveBeenCalledWith('pv', 1);
  });

  it('shows a deployment failure in full under Problems', async () => {
    const reason = 'could not submit job pv v1 to Flink: NoResourceAvailableException: not enough slots';
    const api = fakeApi({
      jobs: async () => [],
      createJob: async () => ({ name: 'pv', latestVersion: 1 }),
      deploy: async () => { throw new ApiError(503, reason); },
    });
    renderPage(<EditorPage />, api, '/editor');
    await userEvent.type(screen.getByLabelText('Job name'), 'pv');
    await userEvent.click(screen.getByRole('button', { name: 'Create & deploy' }));
    expect(await screen.findByLabelText('Problems')).toHaveTextContent(reason);
    expect(screen.queryByTestId('job-page')).toBeNull();
  });

  it('adds a version to an existing job instead of creating it', async () => {
    const addVersion = vi.fn(async () => ({ version: 3 }));
    const deploy = vi.fn(async () => ({}));
    const api = fakeApi({
      versions: async () => [{ job: 'pv', version: 2, sql: 'SELECT 2', settings: { parallelism: 2, stateBackend: null }, createdAt: '' }],
      jobs: async () => [{ name: 'pv' }],
      addVersion,
      deploy,
    });
    renderPage(<EditorPage />, api, '/editor?job=pv');
    await waitFor(() => expect(screen.getByLabelText('Parallelism')).toHaveValue(2));
    await userEvent.click(screen.getByRole('button', { name: 'Save version & deploy' }));
    await screen.findByTestId('job-page');
    expect(addVersion).toHaveBeenCalledWith('pv', 'SELECT 2', { parallelism: 2 });
    expect(deploy).toHaveBeenCalledWith('pv', 3);
  });
});
