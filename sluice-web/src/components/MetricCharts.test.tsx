import { toSamples } from './MetricCharts';

describe('toSamples', () => {
  it('puts the series side by side per sample time, in time order', () => {
    const rows = toSamples([
      { vertexId: 'a', vertexName: 'Source', metric: 'recordsOutPerSecond', points: [[2000, 5], [1000, 4]] },
      { vertexId: 'b', vertexName: 'Sink', metric: 'recordsOutPerSecond', points: [[1000, 1]] },
    ]);
    expect(rows).toEqual([
      { time: 1000, 'a:recordsOutPerSecond': 4, 'b:recordsOutPerSecond': 1 },
      { time: 2000, 'a:recordsOutPerSecond': 5 },
    ]);
  });

  it('turns a watermark into its lag behind the sample time', () => {
    const rows = toSamples([{ vertexId: 'a', vertexName: 'Agg', metric: 'watermark', points: [[10_000, 7_000]] }],
      ([time, watermark]) => (time - watermark) / 1000);
    expect(rows).toEqual([{ time: 10_000, 'a:watermark': 3 }]);
  });
});
