import type { SinkPreview } from '../api/types';

/** Sample rows a user typed, per table: one JSON object per line. */
export type SampleRows = Record<string, string>;

/** The JSON lines of each table that has any, as the preview request takes them. */
export function sampleLines(samples: SampleRows): Record<string, string[]> {
  const lines: Record<string, string[]> = {};
  for (const [table, text] of Object.entries(samples)) {
    const rows = text.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
    if (rows.length > 0) lines[table] = rows;
  }
  return lines;
}

interface SampleFormProps {
  tables: string[];
  records: number;
  onRecordsChange: (records: number) => void;
  samples: SampleRows;
  onSamplesChange: (samples: SampleRows) => void;
  selected: string;
  onSelect: (table: string) => void;
}

/** Where the sample comes from: the newest records of each source, or rows typed for a table. */
export function SampleForm({ tables, records, onRecordsChange, samples, onSamplesChange, selected, onSelect }: SampleFormProps) {
  return (
    <div className="sample-form">
      <label>
        Newest records per source
        <input type="number" min={1} aria-label="Records per source" value={records}
          onChange={(e) => onRecordsChange(Math.max(1, Number(e.target.value) || 1))} />
      </label>
      <label>
        Typed rows for
        <select aria-label="Sample table" value={selected} onChange={(e) => onSelect(e.target.value)}>
          {tables.map((table) => <option key={table} value={table}>{table}</option>)}
        </select>
      </label>
      <textarea
        aria-label="Sample rows"
        placeholder={'One JSON object per line, e.g. {"user_name": "ann", "page_id": 1}\nLeave empty to read the source.'}
        value={samples[selected] ?? ''}
        onChange={(e) => onSamplesChange({ ...samples, [selected]: e.target.value })}
      />
    </div>
  );
}

function cell(value: unknown) {
  return value === null || value === undefined ? <span className="muted">NULL</span> : String(value);
}

/** Each INSERT's changes on the sample (+I, -U, +U, -D) and the table they leave behind. */
export function PreviewResults({ sinks }: { sinks: SinkPreview[] }) {
  return (
    <div className="preview-results" aria-label="Preview">
      {sinks.map((sink, index) => (
        <section key={index} className="preview-sink">
          <h4>
            INSERT INTO {sink.table}: {sink.changelog.length} change{sink.changelog.length === 1 ? '' : 's'},{' '}
            {sink.finalRows.length} row{sink.finalRows.length === 1 ? '' : 's'} at the end
            {!sink.complete && sink.note && <span className="muted"> ({sink.note})</span>}
          </h4>
          <div className="preview-tables">
            <table className="grid" aria-label={`Changes into ${sink.table}`}>
              <caption>Changes, in order</caption>
              <thead><tr><th>op</th>{sink.columns.map((column) => <th key={column}>{column}</th>)}</tr></thead>
              <tbody>
                {sink.changelog.map((change, i) => (
                  <tr key={i} className={change.kind.startsWith('-') ? 'retraction' : 'addition'}>
                    <td className="op">{change.kind}</td>
                    {change.values.map((value, j) => <td key={j}>{cell(value)}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
            <table className="grid" aria-label={`Final ${sink.table}`}>
              <caption>{sink.table} at the end</caption>
              <thead><tr>{sink.columns.map((column) => <th key={column}>{column}</th>)}</tr></thead>
              <tbody>
                {sink.finalRows.map((row, i) => (
                  <tr key={i}>{row.map((value, j) => <td key={j}>{cell(value)}</td>)}</tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}
