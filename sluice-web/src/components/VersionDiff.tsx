import { diffLines } from 'diff';
import type { JobVersion } from '../api/types';

export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** The line diff of two versions' SQL and settings, oldest first. */
export function versionDiff(from: JobVersion, to: JobVersion): DiffLine[] {
  const lines: DiffLine[] = [];
  for (const part of diffLines(describe(from), describe(to))) {
    const kind = part.added ? 'added' : part.removed ? 'removed' : 'same';
    for (const text of part.value.replace(/\n$/, '').split('\n')) {
      lines.push({ kind, text });
    }
  }
  return lines;
}

function describe(version: JobVersion) {
  const settings = Object.entries(version.settings)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `-- setting ${k} = ${v}`)
    .join('\n');
  return `${settings}\n${version.sql.replace(/\n?$/, '\n')}`;
}

export function VersionDiff({ from, to }: { from: JobVersion; to: JobVersion }) {
  const lines = versionDiff(from, to);
  return (
    <div className="diff" aria-label={`Diff v${from.version} to v${to.version}`}>
      {lines.map((line, i) => (
        <div key={i} className={`diff-line diff-${line.kind}`}>
          <span className="sign">{line.kind === 'added' ? '+' : line.kind === 'removed' ? '−' : ' '}</span>
          <span>{line.text}</span>
        </div>
      ))}
    </div>
  );
}
