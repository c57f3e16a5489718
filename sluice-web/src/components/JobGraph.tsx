import dagre from '@dagrejs/dagre';
import type { GraphVertex } from '../api/types';

const WIDTH = 300;
const HEIGHT = 96;

export interface PlacedVertex extends GraphVertex {
  x: number;
  y: number;
}

export interface Layout {
  vertices: PlacedVertex[];
  edges: { from: string; to: string; points: { x: number; y: number }[] }[];
  width: number;
  height: number;
}

/** Places the operator chains left to right, sources first, as Flink's dashboard does. */
export function layout(vertices: GraphVertex[]): Layout {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 30, ranksep: 70, marginx: 10, marginy: 10 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const vertex of vertices) {
    graph.setNode(vertex.id, { width: WIDTH, height: HEIGHT });
  }
  const known = new Set(vertices.map((v) => v.id));
  for (const vertex of vertices) {
    for (const input of vertex.inputs) {
      if (known.has(input)) graph.setEdge(input, vertex.id);
    }
  }
  dagre.layout(graph);
  return {
    vertices: vertices.map((vertex) => {
      const node = graph.node(vertex.id);
      return { ...vertex, x: node.x - WIDTH / 2, y: node.y - HEIGHT / 2 };
    }),
    edges: graph.edges().map((edge) => ({ from: edge.v, to: edge.w, points: graph.edge(edge).points ?? [] })),
    width: graph.graph().width ?? 0,
    height: graph.graph().height ?? 0,
  };
}

/** The chain's name on at most two lines, broken at its operators' arrows where possible. */
export function nameLines(name: string, width = 42): string[] {
  if (name.length <= width) return [name];
  const cut = name.lastIndexOf(' -> ', width);
  const first = cut > 0 ? name.slice(0, cut) : name.slice(0, width);
  const rest = cut > 0 ? name.slice(cut + 1) : name.slice(width);
  return [first, rest.length > width ? rest.slice(0, width - 1) + '…' : rest];
}

function count(n: number | null) {
  if (n === null) return '—';
  if (n >= 1e6) return (n / 1e6).toFixed(1) + 'M';
  if (n >= 1e3) return (n / 1e3).toFixed(1) + 'k';
  return String(n);
}

/** The running deployment's job graph: one box per operator chain with its parallelism and counters. */
export function JobGraph({ vertices }: { vertices: GraphVertex[] }) {
  const placed = layout(vertices);
  return (
    <svg className="job-graph" width={placed.width} height={placed.height} role="img" aria-label="Job graph">
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
          <path d="M0,0 L10,5 L0,10 z" fill="#8b949e" />
        </marker>
      </defs>
      {placed.edges.map((edge) => (
        <polyline
          key={`${edge.from}-${edge.to}`}
          points={edge.points.map((p) => `${p.x},${p.y}`).join(' ')}
          fill="none"
          stroke="#8b949e"
          strokeWidth={1.5}
          markerEnd="url(#arrow)"
        />
      ))}
      {placed.vertices.map((vertex) => (
        <g key={vertex.id} transform={`translate(${vertex.x},${vertex.y})`} className="vertex" data-testid="graph-vertex">
          <title>{vertex.name}</title>
          <rect width={WIDTH} height={HEIGHT} rx={6} className={`vertex-box ${(vertex.backpressure ?? 0) > 0.5 ? 'backpressured' : ''}`} />
          <rect width={6} height={HEIGHT} rx={3} className={`vertex-status status-${(vertex.status ?? 'unknown').toLowerCase()}`} />
          <text x={16} y={20} className="vertex-name">
            {nameLines(vertex.name).map((line, i) => <tspan key={i} x={16} dy={i === 0 ? 0 : 16}>{line}</tspan>)}
          </text>
          <text x={16} y={60} className="vertex-meta">
            Parallelism {vertex.parallelism} · {vertex.status ?? '—'}
            {vertex.watermark !== null ? ` · wm ${new Date(vertex.watermark).toISOString().slice(11, 19)}` : ''}
          </text>
          <text x={16} y={80} className="vertex-meta">
            in {count(vertex.recordsIn)} · out {count(vertex.recordsOut)}
            {vertex.recordsOutPerSecond !== null ? ` · ${vertex.recordsOutPerSecond.toFixed(1)}/s` : ''}
            {vertex.backpressure !== null ? ` · bp ${Math.round(vertex.backpressure * 100)}%` : ''}
          </text>
        </g>
      ))}
    </svg>
  );
}
