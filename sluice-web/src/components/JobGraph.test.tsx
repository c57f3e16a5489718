import { render, screen } from '@testing-library/react';
import type { GraphVertex } from '../api/types';
import { JobGraph, layout, nameLines } from './JobGraph';

const vertex = (id: string, name: string, inputs: string[], parallelism = 2): GraphVertex => ({
  id, name, parallelism, inputs, status: 'RUNNING', recordsIn: 1500, recordsOut: 2_500_000, recordsOutPerSecond: 12.5, backpressure: 0.75, watermark: Date.parse('2026-01-01T10:20:30Z'),
});

describe('JobGraph', () => {
  const vertices = [
    vertex('c', 'GroupAggregate -> Sink: counts', ['b'], 4),
    vertex('a', 'Source: clicks', []),
    vertex('b', 'Calc', ['a']),
  ];

  it('lays the chains out left to right in data order', () => {
    const placed = layout(vertices);
    const x = Object.fromEntries(placed.vertices.map((v) => [v.id, v.x]));
    expect(x.a).toBeLessThan(x.b);
    expect(x.b).toBeLessThan(x.c);
    expect(placed.edges.map((e) => `${e.from}>${e.to}`).sort()).toEqual(['a>b', 'b>c']);
  });

  it('breaks long chain names at an operator arrow', () => {
    expect(nameLines('Source: clicks[1] -> Calc[2] -> out_clicks[3]: Writer -> out_clicks[3]: Committer'))
      .toEqual(['Source: clicks[1] -> Calc[2]', '-> out_clicks[3]: Writer -> out_clicks[3]…']);
    expect(nameLines('Source: clicks')).toEqual(['Source: clicks']);
  });

  it('shows each chain with its parallelism, counters and back pressure', () => {
    render(<JobGraph vertices={vertices} />);
    expect(screen.getAllByTestId('graph-vertex')).toHaveLength(3);
    expect(screen.getAllByText('GroupAggregate -> Sink: counts')).toHaveLength(2);
    expect(screen.getByText(/Parallelism 4/)).toHaveTextContent('Parallelism 4 · RUNNING · wm 10:20:30');
    expect(screen.getAllByText(/in 1\.5k · out 2\.5M · 12\.5\/s · bp 75%/)).toHaveLength(3);
    expect(document.querySelectorAll('.vertex-box.backpressured')).toHaveLength(3);
  });
});
