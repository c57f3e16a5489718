import type {
  Connection, ConnectionCheck, DatabaseTable, JobGraph, JobMetrics, JobSettings, JobStatus, JobVersion, JobView, PreviewResult, Savepoint, SqlError, Topic,
  ValidationResult,
} from './types';

/** An error answer of the API: its message, and SQL positions when the script was at fault. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly errors: SqlError[] = []) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * Where requests get their credentials. There is no login yet; when auth arrives, a session holds a
 * token here and `onUnauthorized` sends the user to the login page — no page changes.
 */
export interface Credentials {
  authorization(): string | null;
  onUnauthorized(): void;
}

export const anonymous: Credentials = {
  authorization: () => null,
  onUnauthorized: () => {},
};

type Fetch = typeof fetch;

/** The studio's only way to the server: every page calls these methods, never fetch itself. */
export class SluiceApi {
  constructor(
    private readonly baseUrl = '',
    private readonly credentials: Credentials = anonymous,
    private readonly fetcher: Fetch = (...args) => fetch(...args),
  ) {}

  validate(sql: string, settings: JobSettings) {
    return this.call<ValidationResult>('POST', '/api/sql/validate', { sql, settings });
  }
  explain(sql: string, settings: JobSettings) {
    return this.call<{ plan: string }>('POST', '/api/sql/explain', { sql, settings });
  }
  /** Runs the script's queries on the newest `records` of each source, or on `samples` (table → JSON lines). */
  preview(sql: string, records: number, samples: Record<string, string[]>) {
    return this.call<PreviewResult>('POST', '/api/sql/preview', { sql, records, samples });
  }

  jobs() {
    return this.call<JobStatus[]>('GET', '/api/jobs');
  }
  job(name: string) {
    return this.call<JobView>('GET', `/api/jobs/${enc(name)}`);
  }
  createJob(name: string, sql: string, settings: JobSettings) {
    return this.call<JobView>('POST', '/api/jobs', { name, sql, settings });
  }
  addVersion(name: string, sql: string, settings: JobSettings) {
    return this.call<JobVersion>('POST', `/api/jobs/${enc(name)}/versions`, { sql, settings });
  }
  versions(name: string) {
    return this.call<JobVersion[]>('GET', `/api/jobs/${enc(name)}/versions`);
  }
  deploy(name: string, version?: number, fromSavepoint?: string) {
    return this.call<JobStatus>('POST', `/api/jobs/${enc(name)}/deploy`, { version: version ?? null, fromSavepoint: fromSavepoint ?? null });
  }
  stop(name: string, savepoint: boolean) {
    return this.call<JobStatus>('POST', `/api/jobs/${enc(name)}/stop`, { savepoint });
  }
  restart(name: string) {
    return this.call<JobStatus>('POST', `/api/jobs/${enc(name)}/restart`, {});
  }
  status(name: string) {
    return this.call<JobStatus>('GET', `/api/jobs/${enc(name)}/status`);
  }
  savepoints(name: string) {
    return this.call<Savepoint[]>('GET', `/api/jobs/${enc(name)}/savepoints`);
  }
  triggerSavepoint(name: string) {
    return this.call<Savepoint>('POST', `/api/jobs/${enc(name)}/savepoints`, {});
  }
  /** The server monitor's samples of the job over the last `minutes`; they outlive page reloads and restarts. */
  metrics(name: string, minutes: number) {
    return this.call<JobMetrics>('GET', `/api/jobs/${enc(name)}/metrics?minutes=${minutes}`);
  }
  graph(name: string) {
    return this.call<JobGraph>('GET', `/api/jobs/${enc(name)}/graph`);
  }

  connections() {
    return this.call<Connection[]>('GET', '/api/connections');
  }
  addConnection(name: string, type: string, properties: Record<string, string>, secrets: Record<string, string>) {
    return this.call<Connection>('POST', '/api/connections', { name, type, properties, secrets });
  }
  testConnection(name: string) {
    return this.call<ConnectionCheck>('POST', `/api/connections/${enc(name)}/test`, {});
  }
  /** A database connection's tables and their columns. */
  connectionTables(name: string) {
    return this.call<DatabaseTable[]>('GET', `/api/connections/${enc(name)}/tables`);
  }
  deleteConnection(name: string) {
    return this.call<void>('DELETE', `/api/connections/${enc(name)}`);
  }
  topics(connection?: string) {
    return this.call<Topic[]>('GET', '/api/topics' + (connection ? `?connection=${enc(connection)}` : ''));
  }
  createTopic(connection: string, name: string, partitions: number) {
    return this.call<Topic>('POST', `/api/topics?connection=${enc(connection)}`, { name, partitions });
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const authorization = this.credentials.authorization();
    if (authorization) {
      headers.Authorization = authorization;
    }
    const response = await this.fetcher(this.baseUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 401) {
      this.credentials.onUnauthorized();
    }
    const text = await response.text();
    const json = text ? JSON.parse(text) : undefined;
    if (!response.ok) {
      throw new ApiError(response.status, json?.error ?? `${method} ${path} answered ${response.status}`, json?.errors ?? []);
    }
    return json as T;
  }
}

function enc(part: string) {
  return encodeURIComponent(part);
}
