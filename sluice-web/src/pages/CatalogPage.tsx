import { useState } from 'react';
import { useApi } from '../api/context';
import type { Connection, ConnectionCheck, DatabaseTable } from '../api/types';
import { timestamp } from '../format';
import { usePolling } from '../usePolling';

interface Pair {
  key: string;
  value: string;
}

/** Connections registered once and used by every job, and the Kafka topics behind them. */
export function CatalogPage() {
  const api = useApi();
  const connections = usePolling(() => api.connections(), 0, []);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [checks, setChecks] = useState<Record<string, ConnectionCheck | 'testing'>>({});
  const [tables, setTables] = useState<{ connection: string; tables: DatabaseTable[] } | null>(null);
  const kafka = connections.data?.filter((c) => c.type === 'kafka') ?? [];

  async function test(connection: Connection) {
    setChecks((all) => ({ ...all, [connection.name]: 'testing' }));
    const check = await api.testConnection(connection.name)
      .catch((e): ConnectionCheck => ({ ok: false, detail: e instanceof Error ? e.message : String(e) }));
    setChecks((all) => ({ ...all, [connection.name]: check }));
  }

  async function showTables(connection: Connection) {
    try {
      setTables({ connection: connection.name, tables: await api.connectionTables(connection.name) });
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }
  const topicsOf = selected ?? kafka[0]?.name ?? null;

  async function remove(connection: Connection) {
    if (!window.confirm(`Delete connection ${connection.name}? Jobs that use it will no longer compile.`)) return;
    try {
      await api.deleteConnection(connection.name);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
    await connections.refresh();
  }

  return (
    <div className="page">
      <div className="page-header"><h1>Catalog</h1></div>
      {(error || connections.error) && <div className="alert" role="alert">{error ?? connections.error}</div>}
      <section className="card">
        <h2>Connections</h2>
        <table className="grid" aria-label="Connections">
          <thead><tr><th>Name</th><th>Type</th><th>Properties</th><th>Secrets</th><th>Created</th><th /></tr></thead>
          <tbody>
            {connections.data?.map((c) => (
              <tr key={c.name}>
                <td><strong>{c.name}</strong> {c.managed && <span className="tag">managed</span>}</td>
                <td>{c.type}</td>
                <td className="mono small">{Object.entries(c.properties).map(([k, v]) => <div key={k}>{k} = {v}</div>)}</td>
                <td className="mono small">{c.secrets.map((s) => <div key={s}>{s} = ••••••</div>)}</td>
                <td>{timestamp(c.createdAt)}</td>
                <td className="actions">
                  <button className="link" onClick={() => test(c)}>Test</button>
                  {c.type === 'jdbc' && <button className="link" onClick={() => showTables(c)}>Tables</button>}
                  {!c.managed && <button className="link danger" onClick={() => remove(c)}>Delete</button>}
                  <CheckResult check={checks[c.name]} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <NewConnection onAdded={connections.refresh} />
      </section>
      {tables && (
        <section className="card">
          <h2>Tables of {tables.connection}</h2>
          <table className="grid" aria-label={`Tables of ${tables.connection}`}>
            <thead><tr><th>Table</th><th>Columns</th></tr></thead>
            <tbody>
              {tables.tables.map((table) => (
                <tr key={table.name}>
                  <td className="mono">{table.name}</td>
                  <td className="mono small">
                    {table.columns.map((column) => `${column.name} ${column.type}${column.nullable ? '' : ' NOT NULL'}`).join(', ')}
                  </td>
                </tr>
              ))}
              {tables.tables.length === 0 && <tr><td colSpan={2} className="empty">No tables.</td></tr>}
            </tbody>
          </table>
        </section>
      )}
      <section className="card">
        <h2>
          Kafka topics of
          <select aria-label="Kafka connection" value={topicsOf ?? ''} onChange={(e) => setSelected(e.target.value)}>
            {kafka.map((c) => <option key={c.name}>{c.name}</option>)}
          </select>
        </h2>
        {topicsOf && <Topics connection={topicsOf} />}
      </section>
    </div>
  );
}

function CheckResult({ check }: { check: ConnectionCheck | 'testing' | undefined }) {
  if (check === undefined) return null;
  if (check === 'testing') return <span className="muted">testing…</span>;
  return <span className={check.ok ? 'check-ok' : 'check-failed'} role="status">{check.ok ? '✓' : '✗'} {check.detail}</span>;
}

function Topics({ connection }: { connection: string }) {
  const api = useApi();
  const topics = usePolling(() => api.topics(connection), 0, [connection]);
  const [name, setName] = useState('');
  const [partitions, setPartitions] = useState(1);
  const [error, setError] = useState<string | null>(null);

  async function create(e: React.FormEvent) {
    e.preventDefault();
    try {
      await api.createTopic(connection, name.trim(), partitions);
      setName('');
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
    await topics.refresh();
  }

  return (
    <>
      {(error || topics.error) && <div className="alert" role="alert">{error ?? topics.error}</div>}
      <table className="grid" aria-label="Topics">
        <thead><tr><th>Topic</th><th>Partitions</th><th>Records (end offsets)</th><th>End offset per partition</th></tr></thead>
        <tbody>
          {topics.data?.map((t) => {
            const ends = Object.entries(t.endOffsets ?? {});
            return (
              <tr key={t.name}>
                <td className="mono">{t.name}</td>
                <td>{t.partitions}</td>
                <td>{ends.reduce((sum, [, offset]) => sum + offset, 0).toLocaleString('en-US')}</td>
                <td className="mono small">{ends.map(([partition, offset]) => `${partition}: ${offset}`).join('  ')}</td>
              </tr>
            );
          })}
          {topics.data?.length === 0 && <tr><td colSpan={4} className="empty">No topics.</td></tr>}
        </tbody>
      </table>
      <form className="inline-form" onSubmit={create} aria-label="New topic">
        <input aria-label="Topic name" placeholder="new topic" value={name} onChange={(e) => setName(e.target.value)} required />
        <input aria-label="Partitions" type="number" min={1} value={partitions} onChange={(e) => setPartitions(Number(e.target.value))} />
        <button type="submit">Create topic</button>
      </form>
    </>
  );
}

function NewConnection({ onAdded }: { onAdded(): void }) {
  const api = useApi();
  const [name, setName] = useState('');
  const [type, setType] = useState('jdbc');
  const [properties, setProperties] = useState<Pair[]>([{ key: 'url', value: '' }, { key: 'username', value: '' }]);
  const [secrets, setSecrets] = useState<Pair[]>([{ key: 'password', value: '' }]);
  const [error, setError] = useState<string | null>(null);

  function chooseType(next: string) {
    setType(next);
    setProperties(next === 'kafka' ? [{ key: 'bootstrap.servers', value: '' }] : [{ key: 'url', value: '' }, { key: 'username', value: '' }]);
    setSecrets(next === 'kafka' ? [{ key: 'sasl.jaas.config', value: '' }] : [{ key: 'password', value: '' }]);
  }

  async function add(e: React.FormEvent) {
    e.preventDefault();
    const asMap = (pairs: Pair[]) => Object.fromEntries(pairs.filter((p) => p.key && p.value).map((p) => [p.key, p.value]));
    try {
      await api.addConnection(name.trim(), type, asMap(properties), asMap(secrets));
      setName('');
      chooseType(type);
      setError(null);
      onAdded();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <form className="new-connection" onSubmit={add} aria-label="New connection">
      <h3>Add a connection</h3>
      {error && <div className="alert" role="alert">{error}</div>}
      <div className="row">
        <label>Name<input aria-label="Connection name" value={name} onChange={(e) => setName(e.target.value)} required /></label>
        <label>Type
          <select aria-label="Connection type" value={type} onChange={(e) => chooseType(e.target.value)}>
            <option value="jdbc">JDBC database</option>
            <option value="kafka">Kafka cluster</option>
          </select>
        </label>
      </div>
      <PairRows title="Properties" pairs={properties} onChange={setProperties} secret={false} />
      <PairRows title="Secrets (write-only: stored encrypted, never shown again)" pairs={secrets} onChange={setSecrets} secret />
      <button type="submit" className="primary">Add connection</button>
    </form>
  );
}

function PairRows({ title, pairs, onChange, secret }: { title: string; pairs: Pair[]; onChange(p: Pair[]): void; secret: boolean }) {
  const set = (i: number, field: keyof Pair, value: string) => onChange(pairs.map((p, j) => (j === i ? { ...p, [field]: value } : p)));
  return (
    <fieldset>
      <legend>{title}</legend>
      {pairs.map((pair, i) => (
        <div className="row" key={i}>
          <input aria-label={`${secret ? 'Secret' : 'Property'} ${i + 1} name`} value={pair.key} onChange={(e) => set(i, 'key', e.target.value)} placeholder="name" />
          <input aria-label={`${secret ? 'Secret' : 'Property'} ${i + 1} value`} value={pair.value} onChange={(e) => set(i, 'value', e.target.value)}
            placeholder="value" type={secret ? 'password' : 'text'} autoComplete="off" />
        </div>
      ))}
      <button type="button" className="link" onClick={() => onChange([...pairs, { key: '', value: '' }])}>+ add</button>
    </fieldset>
  );
}
