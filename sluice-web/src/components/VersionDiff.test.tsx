import { versionDiff } from './VersionDiff';

const version = (n: number, sql: string, parallelism: number | null) =>
  ({ job: 'j', version: n, sql, settings: { parallelism, stateBackend: null }, createdAt: '' });

describe('versionDiff', () => {
  it('marks changed SQL lines and changed settings', () => {
    const lines = versionDiff(
      version(1, "SELECT a\nFROM t\nWHERE x = 1", 1),
      version(2, "SELECT a\nFROM t\nWHERE x = 2", 2),
    );
    expect(lines.filter((l) => l.kind !== 'same')).toEqual([
      { kind: 'removed', text: '-- setting parallelism = 1' },
      { kind: 'added', text: '-- setting parallelism = 2' },
      { kind: 'removed', text: 'WHERE x = 1' },
      { kind: 'added', text: 'WHERE x = 2' },
    ]);
    expect(lines.filter((l) => l.kind === 'same').map((l) => l.text)).toEqual(['SELECT a', 'FROM t']);
  });
});
