import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import { useApi } from '../api/context';
import type { JobSettings, PreviewResult, SqlError } from '../api/types';
import { PreviewResults, type SampleRows, SampleForm, sampleLines } from '../components/PreviewPanel';
import { type EditorHandle, SqlEditor } from '../components/SqlEditor';
import { chosenSettings, SettingsForm } from '../components/SettingsForm';
import { declaredTables } from '../sqlSchema';
import type { CatalogNames } from '../optionCompletion';

export const TEMPLATE = `-- Every click on page 8212, from the clickstream generator into a Kafka topic.
CREATE TABLE clicks (
  event_time TIMESTAMP(3),
  user_name  STRING,
  page_id    INT
) WITH (
  'connector' = 'clickstream',
  'rate' = '50'
);

CREATE TABLE clicks_8212 (
  event_time TIMESTAMP(3),
  user_name  STRING,
  page_id    INT
) WITH (
  'connector' = 'kafka',
  'connection' = 'local-kafka',
  'topic' = 'clicks_8212',
  'format' = 'json'
);

INSERT INTO clicks_8212
SELECT event_time, user_name, page_id FROM clicks WHERE page_id = 8212;
`;

type Panel = 'problems' | 'plan' | 'preview';
type Outcome = { kind: 'ok' | 'error' | 'busy'; text: string } | null;

/** Write SQL, validate and explain it, choose settings, and publish it as a job. */
export function EditorPage() {
  const api = useApi();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const existing = params.get('job');
  const [name, setName] = useState(existing ?? '');
  const [sql, setSql] = useState(existing ? '' : TEMPLATE);
  const [settings, setSettings] = useState<JobSettings>({});
  const [errors, setErrors] = useState<SqlError[]>([]);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [plan, setPlan] = useState<string | null>(null);
  const [panel, setPanel] = useState<Panel>('problems');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [preview, setPreview] = useState<PreviewResult | null>(null);
  const [records, setRecords] = useState(100);
  const [samples, setSamples] = useState<SampleRows>({});
  const [sampleTable, setSampleTable] = useState('');
  const editor = useRef<EditorHandle | null>(null);

  useEffect(() => {
    if (!existing) return;
    api.versions(existing).then((versions) => {
      const latest = versions[versions.length - 1];
      setSql(latest.sql);
      setSettings(chosenSettings(latest.settings));
    }, (e) => setOutcome({ kind: 'error', text: e.message }));
  }, [api, existing]);

  const [catalog, setCatalog] = useState<CatalogNames>({ connections: [], topics: [] });
  useEffect(() => {
    // names for completion only: the editor works without them
    Promise.all([api.connections(), api.topics()]).then(
      ([connections, topics]) => setCatalog({ connections: connections.map((c) => c.name), topics: topics.map((t) => t.name) }),
      () => setCatalog({ connections: [], topics: [] }),
    );
  }, [api]);

  const schemaKey = JSON.stringify(declaredTables(sql));
  const schema = useMemo(() => JSON.parse(schemaKey), [schemaKey]);

  async function run<T>(label: string, action: () => Promise<T>): Promise<T | undefined> {
    setOutcome({ kind: 'busy', text: `${label}…` });
    setFailure(null);
    try {
      return await action();
    } catch (e) {
      if (e instanceof ApiError && e.errors.length > 0) {
        setErrors(e.errors);
      } else {
        // a failure without a position (e.g. the cluster refused the job) is shown in full
        setFailure(e instanceof Error ? e.message : String(e));
      }
      setPanel('problems');
      setOutcome({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
      return undefined;
    }
  }

  async function validate() {
    const result = await run('Validating', () => api.validate(sql, chosenSettings(settings)));
    if (!result) return;
    setErrors(result.errors);
    setWarnings(result.warnings);
    setPanel('problems');
    setOutcome(result.valid
      ? { kind: 'ok', text: 'The script is valid.' }
      : { kind: 'error', text: `${result.errors.length} problem${result.errors.length === 1 ? '' : 's'} found.` });
  }

  async function explain() {
    const result = await run('Explaining', () => api.explain(sql, chosenSettings(settings)));
    if (!result) return;
    setErrors([]);
    setPlan(result.plan);
    setPanel('plan');
    setOutcome({ kind: 'ok', text: 'Plan ready.' });
  }

  /** Runs the queries on a sample without deploying anything, and shows what they emit. */
  async function runPreview() {
    const result = await run('Previewing', () => api.preview(sql, records, sampleLines(samples)));
    if (!result) return;
    setErrors([]);
    setPreview(result);
    setPanel('preview');
    const changes = result.sinks.reduce((sum, sink) => sum + sink.changelog.length, 0);
    setOutcome({ kind: 'ok', text: `Preview ready: ${changes} change${changes === 1 ? '' : 's'}.` });
  }

  /** Stores the script as the job's next version (creating the job first), and deploys it when asked. */
  async function save(andDeploy: boolean) {
    const jobName = name.trim();
    if (!jobName) {
      setOutcome({ kind: 'error', text: 'Give the job a name first.' });
      return;
    }
    const saved = await run(andDeploy ? 'Deploying' : 'Saving', async () => {
      const chosen = chosenSettings(settings);
      const exists = (await api.jobs()).some((job) => job.name === jobName);
      const version = exists
        ? (await api.addVersion(jobName, sql, chosen)).version
        : (await api.createJob(jobName, sql, chosen)).latestVersion;
      if (andDeploy) {
        await api.deploy(jobName, version);
      }
      return version;
    });
    if (saved !== undefined) {
      navigate(`/jobs/${encodeURIComponent(jobName)}`);
    }
  }

  return (
    <div className="editor-page">
      <div className="toolbar">
        <input
          className="job-name"
          aria-label="Job name"
          placeholder="job name"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button onClick={validate}>Validate</button>
        <button onClick={explain}>Explain</button>
        <button onClick={runPreview}>Preview</button>
        {outcome && <span className={`outcome outcome-${outcome.kind}`} role="status" title={outcome.text}>{outcome.text}</span>}
        <span className="spacer" />
        <button onClick={() => save(false)}>{existing ? 'Save version' : 'Create job'}</button>
        <button className="primary" onClick={() => save(true)}>{existing ? 'Save version & deploy' : 'Create & deploy'}</button>
      </div>
      <div className="editor-body">
        <div className="editor-main">
          <SqlEditor value={sql} onChange={setSql} errors={errors} schema={schema} catalog={catalog} handle={(h) => (editor.current = h)} />
          <div className="bottom-panel">
            <div className="tabs">
              <button className={panel === 'problems' ? 'active' : ''} onClick={() => setPanel('problems')}>
                Problems {errors.length > 0 && <span className="count">{errors.length}</span>}
              </button>
              <button className={panel === 'plan' ? 'active' : ''} onClick={() => setPanel('plan')}>Plan</button>
              <button className={panel === 'preview' ? 'active' : ''} onClick={() => setPanel('preview')}>Preview data</button>
            </div>
            {panel === 'problems' ? (
              <ul className="problems" aria-label="Problems">
                {failure && <li className="problem failure">{failure}</li>}
                {errors.map((error, i) => (
                  <li key={i} className="problem" onClick={() => editor.current?.goTo(error.line, error.column)}>
                    <span className="where">Line {error.line}, column {error.column}</span>
                    <span className="message">{error.message}</span>
                  </li>
                ))}
                {warnings.map((warning, i) => <li key={`w${i}`} className="warning">{warning}</li>)}
                {!failure && errors.length === 0 && warnings.length === 0 && <li className="empty">No problems. Validate to check the script.</li>}
              </ul>
            ) : panel === 'plan' ? (
              <pre className="plan" aria-label="Plan">{plan ?? 'Explain to see the optimized plan.'}</pre>
            ) : (
              <div className="preview-body">
                <SampleForm
                  tables={Object.keys(schema)}
                  records={records}
                  onRecordsChange={setRecords}
                  samples={samples}
                  onSamplesChange={setSamples}
                  selected={sampleTable || Object.keys(schema)[0] || ''}
                  onSelect={setSampleTable}
                />
                {preview
                  ? <PreviewResults sinks={preview.sinks} />
                  : <p className="muted preview-results">Preview runs the queries on the newest records of each source, or on rows typed here, and writes nothing.</p>}
              </div>
            )}
          </div>
        </div>
        <aside className="editor-side">
          <SettingsForm value={settings} onChange={setSettings} />
          <div className="tables-hint">
            <h3>Tables in this script</h3>
            {Object.keys(schema).length === 0 && <p className="muted">None yet.</p>}
            {Object.entries(schema as Record<string, string[]>).map(([table, columns]) => (
              <div key={table} className="table-entry">
                <strong>{table}</strong>
                <span className="muted">{columns.join(', ')}</span>
              </div>
            ))}
          </div>
        </aside>
      </div>
    </div>
  );
}
