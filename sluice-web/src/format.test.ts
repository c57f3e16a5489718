import { bytes, duration, stateTone, uptime } from './format';

describe('format', () => {
  it('shows durations in their two largest units', () => {
    expect(duration(42_000)).toBe('42s');
    expect(duration(125_000)).toBe('2m 5s');
    expect(duration(3 * 3600_000 + 61_000)).toBe('3h 1m');
    expect(duration(2 * 86400_000 + 5 * 3600_000)).toBe('2d 5h');
  });

  it('has uptime only while the deployment is active', () => {
    const now = Date.parse('2026-01-01T00:10:00Z');
    expect(uptime('RUNNING', '2026-01-01T00:00:00Z', now)).toBe('10m 0s');
    expect(uptime('STOPPED', '2026-01-01T00:00:00Z', now)).toBe('—');
    expect(uptime('NOT_DEPLOYED', null, now)).toBe('—');
  });

  it('sizes bytes', () => {
    expect(bytes(512)).toBe('512 B');
    expect(bytes(1536)).toBe('1.5 KB');
    expect(bytes(null)).toBe('—');
  });

  it('colours states like a CI system', () => {
    expect(stateTone('RUNNING')).toBe('ok');
    expect(stateTone('FAILED')).toBe('bad');
    expect(stateTone('DEPLOYING')).toBe('busy');
    expect(stateTone('STOPPED')).toBe('idle');
  });
});
