// Shapes of the REST API (docs/rest-api.md). Only the fields the studio reads are listed.

export interface JobSettings {
  parallelism?: number | null;
  checkpointIntervalMs?: number | null;
  bufferTimeoutMs?: number | null;
  checkpointMode?: string | null;
  checkpointTimeoutMs?: number | null;
  minPauseMs?: number | null;
  stateBackend?: string | null;
}

export interface SqlError {
  line: number;
  column: number;
  message: string;
}

export interface ValidationResult {
  valid: boolean;
  errors: SqlError[];
  warnings: string[];
}

export interface JobStatus {
  name: string;
  version: number | null;
  latestVersion: number;
  state: string;
  desiredState: string;
  flinkJobId: string | null;
  dashboardUrl: string | null;
  deployedAt: string | null;
  restarts: number | null;
  message: string | null;
  /** The server monitor's latest figures for the job (GET /api/jobs only; null before its first sample). */
  summary?: JobSummary | null;
}

export interface JobSummary {
  sampledAt: string;
  recordsInPerSecond: number;
  recordsOutPerSecond: number;
  lastCheckpointAt: string | null;
}

export interface JobView {
  name: string;
  createdAt: string;
  latestVersion: number;
  status: JobStatus;
}

export interface JobVersion {
  job: string;
  version: number;
  sql: string;
  settings: JobSettings;
  createdAt: string;
}

export interface Savepoint {
  id: number;
  job: string;
  version: number;
  flinkJobId: string;
  location: string;
  sizeBytes: number | null;
  trigger: 'MANUAL' | 'STOP';
  createdAt: string;
}

export interface Connection {
  name: string;
  type: string;
  properties: Record<string, string>;
  secrets: string[];
  managed: boolean;
  createdAt: string;
}

export interface Topic {
  name: string;
  partitions: number;
  /** Per partition, the offset the next record will get. */
  endOffsets?: Record<string, number>;
}

/** One operator chain of the running deployment, as Flink planned it, with its live counters. */
export interface GraphVertex {
  id: string;
  name: string;
  parallelism: number;
  status: string | null;
  inputs: string[];
  recordsIn: number | null;
  recordsOut: number | null;
  recordsOutPerSecond: number | null;
  /** Share of time the busiest subtask was back-pressured, 0..1. */
  backpressure: number | null;
  /** Lowest input watermark of its subtasks, epoch ms; null before the first one (and for sources). */
  watermark: number | null;
}

export interface CheckpointStats {
  completed?: number;
  failed?: number;
  lastId?: number;
  lastCompletedAt?: number;
  lastDurationMs?: number;
  lastSizeBytes?: number;
}

export interface JobGraph {
  flinkJobId: string;
  state: string;
  vertices: GraphVertex[];
  checkpoints: CheckpointStats;
}

/** One change a query emitted on the sample, and the row's values. */
export interface ChangelogRow {
  kind: '+I' | '-U' | '+U' | '-D';
  values: unknown[];
}

/** What one INSERT's query produced on the sample: its changes in order and the table they leave. */
export interface SinkPreview {
  table: string;
  columns: string[];
  changelog: ChangelogRow[];
  finalRows: unknown[][];
  complete: boolean;
  note: string | null;
}

export interface PreviewResult {
  sinks: SinkPreview[];
}

/** One metric of one operator chain (or of the whole job, with an empty vertex id): [epoch ms, value] points. */
export interface MetricSeries {
  vertexId: string;
  vertexName: string;
  metric: string;
  points: [number, number][];
}

export interface JobMetrics {
  job: string;
  minutes: number;
  summary: JobSummary | null;
  series: MetricSeries[];
}

/** Whether a connection's system answered, and what it said about itself or why it did not. */
export interface ConnectionCheck {
  ok: boolean;
  detail: string;
}

/** A table of a database connection with its columns. */
export interface DatabaseTable {
  name: string;
  columns: { name: string; type: string; nullable: boolean }[];
}
