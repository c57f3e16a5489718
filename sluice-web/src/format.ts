/** "3d 4h", "12m 5s": how long since `since`, for uptime columns. */
export function duration(ms: number): string {
  if (ms < 0) ms = 0;
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${m}m`;
  if (m > 0) return `${m}m ${s % 60}s`;
  return `${s % 60}s`;
}

/** Uptime of a deployment that runs, otherwise a dash. */
export function uptime(state: string, deployedAt: string | null, now: number): string {
  if (!deployedAt || !ACTIVE.has(state)) return '—';
  return duration(now - Date.parse(deployedAt));
}

const ACTIVE = new Set(['RUNNING', 'CREATED', 'INITIALIZING', 'RECONCILING', 'DEPLOYING', 'RESTARTING', 'FAILING']);

export function bytes(n: number | null): string {
  if (n === null || n === undefined) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

export function timestamp(iso: string | null): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(undefined, { hour12: false });
}

/** The colour family of a job state, as CI systems show pipeline states. */
export function stateTone(state: string): 'ok' | 'busy' | 'bad' | 'idle' {
  if (state === 'RUNNING') return 'ok';
  if (['FAILED', 'FAILING', 'LOST', 'UNKNOWN'].includes(state)) return 'bad';
  if (['CREATED', 'INITIALIZING', 'RECONCILING', 'DEPLOYING', 'RESTARTING', 'CANCELLING'].includes(state)) return 'busy';
  return 'idle';
}
