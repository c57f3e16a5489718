import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface RateSample {
  time: number;
  [vertex: string]: number;
}

const COLORS = ['#0969da', '#1a7f37', '#bf3989', '#9a6700', '#8250df', '#cf222e'];

/** Records out per second of each operator chain since the page opened. */
export function RateChart({ samples, series }: { samples: RateSample[]; series: { id: string; name: string }[] }) {
  if (samples.length < 2) {
    return <p className="muted">Collecting rates…</p>;
  }
  if (!samples.some((sample) => Object.keys(sample).some((key) => key !== 'time'))) {
    return <p className="muted">Flink has reported no rates for this job yet (its metrics arrive every few seconds).</p>;
  }
  return (
    <ResponsiveContainer width="100%" height={220}>
      <LineChart data={samples} margin={{ top: 8, right: 24, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="#eaeef2" />
        <XAxis dataKey="time" tickFormatter={(t) => new Date(t).toLocaleTimeString(undefined, { hour12: false })} fontSize={11} />
        <YAxis fontSize={11} />
        <Tooltip labelFormatter={(t) => new Date(Number(t)).toLocaleTimeString(undefined, { hour12: false })} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {series.map((s, i) => (
          <Line key={s.id} type="monotone" dataKey={s.id} name={s.name.slice(0, 40)} stroke={COLORS[i % COLORS.length]}
            dot={false} isAnimationActive={false} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
