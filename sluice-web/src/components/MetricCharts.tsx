import type { MetricSeries } from '../api/types';
import { type RateSample, RateChart } from './RateChart';

type Point = [number, number];

/** Rows for a chart: one per sample time, a column per series (keyed `vertexId:metric`). */
export function toSamples(series: MetricSeries[], value: (point: Point) => number = (point) => point[1]): RateSample[] {
  const byTime = new Map<number, RateSample>();
  for (const s of series) {
    for (const point of s.points) {
      const row = byTime.get(point[0]) ?? { time: point[0] };
      row[key(s)] = value(point);
      byTime.set(point[0], row);
    }
  }
  return [...byTime.values()].sort((a, b) => a.time - b.time);
}

function key(series: MetricSeries) {
  return `${series.vertexId}:${series.metric}`;
}

function Chart({ title, series, value, name }: {
  title: string;
  series: MetricSeries[];
  value?: (point: Point) => number;
  name?: (series: MetricSeries) => string;
}) {
  if (series.length === 0) return null;
  return (
    <div className="metric-chart">
      <h3>{title}</h3>
      <RateChart samples={toSamples(series, value)}
        series={series.map((s) => ({ id: key(s), name: name ? name(s) : s.vertexName }))} />
    </div>
  );
}

/**
 * The job's figures over the last hour, from the samples the server's monitor keeps: throughput,
 * per-chain output, back pressure and watermark lag, and checkpoints.
 */
export function MetricCharts({ series }: { series: MetricSeries[] }) {
  const job = (metric: string) => series.filter((s) => s.vertexId === '' && s.metric === metric);
  const chains = (metric: string) => series.filter((s) => s.vertexId !== '' && s.metric === metric);
  return (
    <div className="metric-charts">
      <Chart title="Records per second" series={[...job('recordsInPerSecond'), ...job('recordsOutPerSecond')]}
        name={(s) => (s.metric === 'recordsInPerSecond' ? 'read by sources' : 'taken by sinks')} />
      <Chart title="Records out per second, per chain" series={chains('recordsOutPerSecond')} />
      <Chart title="Back pressure, ms per second" series={chains('backPressuredMsPerSecond')} />
      <Chart title="Watermark lag, seconds" series={chains('watermark')}
        value={([time, watermark]) => Math.max(0, (time - watermark) / 1000)} />
      <Chart title="Checkpoint duration, ms" series={job('checkpointDurationMs')} name={() => 'duration'} />
      <Chart title="Checkpoint size, bytes" series={job('checkpointSizeBytes')} name={() => 'size'} />
    </div>
  );
}
