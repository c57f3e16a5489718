import { render, screen, within } from '@testing-library/react';
import { PreviewResults, sampleLines } from './PreviewPanel';

describe('PreviewResults', () => {
  it('shows each change with its kind and the table the changes leave', () => {
    render(<PreviewResults sinks={[{
      table: 'per_user',
      columns: ['user_name', 'hits'],
      changelog: [
        { kind: '+I', values: ['ann', 1] },
        { kind: '-U', values: ['ann', 1] },
        { kind: '+U', values: ['ann', 2] },
      ],
      finalRows: [['ann', 2]],
      complete: true,
      note: null,
    }]} />);
    expect(screen.getByText('INSERT INTO per_user: 3 changes, 1 row at the end')).toBeInTheDocument();
    const changes = within(screen.getByRole('table', { name: 'Changes into per_user' })).getAllByRole('row');
    expect(changes.map((row) => row.textContent)).toEqual(['opuser_namehits', '+Iann1', '-Uann1', '+Uann2']);
    const final = within(screen.getByRole('table', { name: 'Final per_user' })).getAllByRole('row');
    expect(final.map((row) => row.textContent)).toEqual(['user_namehits', 'ann2']);
  });

  it('says why a preview stopped early', () => {
    render(<PreviewResults sinks={[{
      table: 'ticks', columns: ['n'], changelog: [], finalRows: [], complete: false,
      note: 'stopped after 30 s: a source of this query does not end on its own',
    }]} />);
    expect(screen.getByText(/does not end on its own/)).toBeInTheDocument();
  });
});

describe('sampleLines', () => {
  it('keeps the non-blank lines of tables that have any', () => {
    expect(sampleLines({ clicks: '{"a":1}\n\n  {"a":2}  \n', pages: '  \n' })).toEqual({ clicks: ['{"a":1}', '{"a":2}'] });
  });
});
