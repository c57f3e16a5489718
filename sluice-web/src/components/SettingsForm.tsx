import type { JobSettings } from '../api/types';

interface Props {
  value: JobSettings;
  onChange(value: JobSettings): void;
}

/** Per-version job settings; an empty field means the platform default from conf/sluice.yaml. */
export function SettingsForm({ value, onChange }: Props) {
  const number = (key: keyof JobSettings) => ({
    value: value[key] === null || value[key] === undefined ? '' : String(value[key]),
    onChange: (e: React.ChangeEvent<HTMLInputElement>) =>
      onChange({ ...value, [key]: e.target.value === '' ? null : Number(e.target.value) }),
  });
  const choice = (key: keyof JobSettings) => ({
    value: (value[key] as string | null | undefined) ?? '',
    onChange: (e: React.ChangeEvent<HTMLSelectElement>) => onChange({ ...value, [key]: e.target.value || null }),
  });
  return (
    <form className="settings" onSubmit={(e) => e.preventDefault()} aria-label="Job settings">
      <h3>Job settings</h3>
      <label>
        Parallelism
        <input type="number" min={1} placeholder="default" name="parallelism" {...number('parallelism')} />
      </label>
      <label>
        Checkpoint interval (ms)
        <input type="number" min={10} step={1000} placeholder="default" name="checkpointIntervalMs" {...number('checkpointIntervalMs')} />
      </label>
      <label>
        Checkpoint mode
        <select name="checkpointMode" {...choice('checkpointMode')}>
          <option value="">default</option>
          <option value="exactly-once">exactly-once</option>
          <option value="at-least-once">at-least-once</option>
        </select>
      </label>
      <label>
        Buffer timeout (ms)
        <input type="number" min={0} placeholder="default" name="bufferTimeoutMs" {...number('bufferTimeoutMs')} />
        <small>0 = lowest latency, larger = more throughput</small>
      </label>
      <label>
        State backend
        <select name="stateBackend" {...choice('stateBackend')}>
          <option value="">default</option>
          <option value="rocksdb">RocksDB (incremental)</option>
          <option value="heap">heap</option>
        </select>
      </label>
    </form>
  );
}

/** Only the settings the user filled in; the server applies its defaults to the rest. */
export function chosenSettings(settings: JobSettings): JobSettings {
  return Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== null && v !== undefined && v !== ''));
}
