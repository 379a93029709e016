// Positions for the citation graph: d3-force run to rest up front (no jitter on screen, the
// same picture on every load: d3-force's initial placement and random source are deterministic).
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from "d3-force";
import type { CitationGraphDto } from "../api";

export type GraphPaper = CitationGraphDto["nodes"][number];

export interface PlacedNode extends GraphPaper {
  x: number;
  y: number;
  r: number;
  /** How many papers of the project this one cites. */
  citesCount: number;
  /** Where its label goes: away from the middle of the picture, so neighbours' labels part. */
  labelSide: "left" | "right" | "above" | "below";
}

export interface PlacedEdge {
  from: PlacedNode;
  to: PlacedNode;
  /** Path from the edge of `from` to just before `to`, curved so a pair citing each other shows two arcs. */
  d: string;
}

export interface Layout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  bounds: { minX: number; minY: number; maxX: number; maxY: number };
}

/** Radius by in-project citations: area grows with the count, within reason. */
export const radiusFor = (citedBy: number): number => Math.min(40, 9 + 7 * Math.sqrt(citedBy));

const ARROW = 7;
const BEND = 0.14;

type SimNode = GraphPaper & SimulationNodeDatum & { r: number };

export function layoutGraph(graph: CitationGraphDto): Layout {
  const nodes: SimNode[] = graph.nodes.map((n) => ({ ...n, r: radiusFor(n.citedByCount) }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const links = graph.edges.filter((e) => byId.has(e.from) && byId.has(e.to)).map((e) => ({ source: e.from, target: e.to }));
  const degree = new Map<string, number>();
  for (const l of links) for (const id of [l.source, l.target]) degree.set(id, (degree.get(id) ?? 0) + 1);

  const simulation = forceSimulation(nodes)
    .force(
      "link",
      forceLink<SimNode, { source: string | SimNode; target: string | SimNode }>(links)
        .id((d) => d.id)
        .distance((l) => 110 + (l.source as SimNode).r + (l.target as SimNode).r)
        .strength(0.5),
    )
    .force("charge", forceManyBody<SimNode>().strength((d) => -260 - 40 * (degree.get(d.id) ?? 0)))
    // Unlinked papers drift to the rim instead of flying off.
    // A stronger pull in y than in x: a landscape picture, like the screen it is drawn on.
    .force("x", forceX<SimNode>(0).strength((d) => (degree.has(d.id) ? 0.03 : 0.08)))
    .force("y", forceY<SimNode>(0).strength((d) => (degree.has(d.id) ? 0.08 : 0.14)))
    .force("collide", forceCollide<SimNode>((d) => d.r + 22))
    .stop();
  const ticks = Math.ceil(Math.log(simulation.alphaMin()) / Math.log(1 - simulation.alphaDecay()));
  for (let i = 0; i < ticks; i++) simulation.tick();

  const cites = new Map<string, number>();
  for (const e of graph.edges) cites.set(e.from, (cites.get(e.from) ?? 0) + 1);
  const cx = nodes.reduce((sum, n) => sum + (n.x ?? 0), 0) / (nodes.length || 1);
  const cy = nodes.reduce((sum, n) => sum + (n.y ?? 0), 0) / (nodes.length || 1);
  const placed = new Map<string, PlacedNode>();
  for (const n of nodes) {
    const dx = (n.x ?? 0) - cx;
    const dy = (n.y ?? 0) - cy;
    const labelSide = Math.hypot(dx, dy) < 20 ? "below" : Math.abs(dx) >= Math.abs(dy) * 0.8 ? (dx > 0 ? "right" : "left") : dy > 0 ? "below" : "above";
    placed.set(n.id, {
      id: n.id,
      title: n.title,
      year: n.year,
      authors: n.authors,
      citedByCount: n.citedByCount,
      x: n.x ?? 0,
      y: n.y ?? 0,
      r: n.r,
      citesCount: cites.get(n.id) ?? 0,
      labelSide,
    });
  }
  const edges: PlacedEdge[] = [];
  for (const e of graph.edges) {
    const from = placed.get(e.from);
    const to = placed.get(e.to);
    if (from && to && from !== to) edges.push({ from, to, d: edgePath(from, to) });
  }
  const all = [...placed.values()];
  const bounds = all.length
    ? {
        minX: Math.min(...all.map((n) => n.x - n.r)),
        minY: Math.min(...all.map((n) => n.y - n.r)),
        maxX: Math.max(...all.map((n) => n.x + n.r)),
        maxY: Math.max(...all.map((n) => n.y + n.r)),
      }
    : { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  return { nodes: all, edges, bounds };
}

/** A gentle quadratic arc: it leaves `a` at its rim and ends ARROW short of `b`'s rim. */
function edgePath(a: PlacedNode, b: PlacedNode): string {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  // Control point off the chord's midpoint, to the left of the direction of travel.
  const cx = (a.x + b.x) / 2 - dy * BEND;
  const cy = (a.y + b.y) / 2 + dx * BEND;
  const start = toward(a, cx, cy, a.r + 2);
  const end = toward(b, cx, cy, b.r + ARROW + 1);
  return len < a.r + b.r ? "" : `M${start.x.toFixed(1)},${start.y.toFixed(1)}Q${cx.toFixed(1)},${cy.toFixed(1)} ${end.x.toFixed(1)},${end.y.toFixed(1)}`;
}

function toward(p: { x: number; y: number }, tx: number, ty: number, dist: number) {
  const dx = tx - p.x;
  const dy = ty - p.y;
  const len = Math.hypot(dx, dy) || 1;
  return { x: p.x + (dx / len) * dist, y: p.y + (dy / len) * dist };
}

/** A title in at most `maxLines` lines of about `width` characters, the last one ellipsised. */
export function wrapLabel(title: string, width = 28, maxLines = 2): string[] {
  const all: string[] = [];
  let line = "";
  for (const word of title.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length > width && line) {
      all.push(line);
      line = word;
    } else line = next;
  }
  if (line) all.push(line);
  const cut = (l: string) => `${l.slice(0, width - 1).trimEnd()}…`;
  const out = all.slice(0, maxLines).map((l) => (l.length > width ? cut(l) : l));
  if (all.length > maxLines && !out[maxLines - 1]!.endsWith("…")) {
    const last = all[maxLines - 1]!;
    out[maxLines - 1] = last.length > width - 1 ? cut(last) : `${last}…`;
  }
  return out;
}
