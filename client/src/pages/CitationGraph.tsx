// The project's citation graph (/projects/:projectId/graph): papers as circles sized by how
// often papers of the project cite them, arrows from citing to cited. Hover or focus shows a
// paper's details and its neighbours; click or Enter opens it. Wheel zooms, drag pans.
import { A, useNavigate, useParams } from "@solidjs/router";
import { createEffect, createMemo, createResource, createSignal, For, Match, on, onCleanup, onMount, Show, Switch, type JSX } from "solid-js";
import { api, ApiError, errorMessage, type CitationGraphDto } from "../api";
import { Icon } from "../components/Icon";
import { ProjectMissing } from "../components/ProjectMissing";
import { EmptyState, ErrorState } from "../components/States";
import { layoutGraph, wrapLabel, type Layout, type PlacedNode } from "../lib/graph-layout";
import { useLive, useLiveEvent } from "../live";
import { createProjectResource } from "../stores/project";
import "../styles/graph.css";

/** Papers with the most in-project citations carry a label; the rest show theirs on hover. */
const LABELLED = 8;
const MIN_ZOOM = 0.25;
const MAX_ZOOM = 4;
/** Past this many papers, those without any citation are hidden until asked for. */
const SHOW_UNLINKED_UP_TO = 40;

interface View {
  k: number;
  x: number;
  y: number;
}

const authorsLine = (authors: string[]) => (authors.length === 0 ? "" : authors.length > 3 ? `${authors.slice(0, 3).join(", ")} et al.` : authors.join(", "));
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export default function CitationGraph() {
  const params = useParams<{ projectId: string }>();
  const [project] = createProjectResource(() => params.projectId);
  const [graph, { refetch }] = createResource(() => params.projectId, (id) => api.getCitationGraph(id));

  // Papers added, edited (a DOI or title can make a link) or removed: redraw.
  const live = useLive(() => params.projectId);
  let pending: number | undefined;
  const soon = () => {
    clearTimeout(pending);
    pending = window.setTimeout(() => void refetch(), 600);
  };
  onCleanup(() => clearTimeout(pending));
  useLiveEvent(live, "document.updated", soon);
  useLiveEvent(live, "document.deleted", soon);
  useLiveEvent(live, "resync", soon);

  const notFound = () => graph.error instanceof ApiError && graph.error.status === 404;
  const title = () => project()?.name;

  return (
    <div class="page graph-page">
      <Switch>
        <Match when={notFound()}>
          <ProjectMissing />
        </Match>
        <Match when={graph.error && !graph.latest}>
          <ErrorState title="The citation graph could not be loaded" message={errorMessage(graph.error)} onRetry={() => void refetch()} />
        </Match>
        <Match when={!graph.latest}>
          <header class="page-header" role="status" aria-label="Loading the citation graph">
            <div>
              <h1 class="page-title serif">Citation graph</h1>
              <p class="page-subtitle">Reading references…</p>
            </div>
          </header>
          <div class="graph-frame graph-frame-loading" aria-hidden="true">
            <span class="graph-ghost" style={{ left: "38%", top: "40%", width: "56px", height: "56px" }} />
            <span class="graph-ghost" style={{ left: "58%", top: "30%", width: "32px", height: "32px" }} />
            <span class="graph-ghost" style={{ left: "52%", top: "62%", width: "24px", height: "24px" }} />
            <span class="graph-ghost" style={{ left: "28%", top: "64%", width: "20px", height: "20px" }} />
          </div>
        </Match>
        <Match when={graph.latest}>
          {(data) => (
            <Show
              when={data().edges.length > 0}
              fallback={
                <>
                  <GraphHeader projectName={title()} papers={data().nodes.length} citations={0} />
                  <div class="graph-frame graph-frame-empty">
                    <EmptyState icon="graph" title="No citations between papers of this project yet">
                      When a paper's references name another paper here (by DOI or title), an arrow joins them. Add the papers your papers cite,
                      or correct a paper's DOI or title in the reader.
                    </EmptyState>
                    <div class="graph-empty-action">
                      <A href={`/projects/${params.projectId}`} class="btn btn-secondary btn-sm">
                        Back to the library
                      </A>
                    </div>
                  </div>
                </>
              }
            >
              <GraphCanvas projectId={params.projectId} projectName={title()} data={data()} />
            </Show>
          )}
        </Match>
      </Switch>
    </div>
  );
}

type Side = PlacedNode["labelSide"];
const SIDES: Side[] = ["right", "left", "below", "above"];

/** Where a label sits for a side, in graph units around its node, with its box for collisions. */
function labelGeometry(node: PlacedNode, side: Side, zoom: number) {
  const lines = wrapLabel(node.title);
  // Labels keep a readable size on screen while zooming out, and grow a little zooming in.
  const size = 12.5 / Math.max(0.8, Math.min(zoom, 1.25));
  const lead = size * 1.2;
  const gap = node.r + 6;
  const width = Math.max(...lines.map((l) => l.length)) * size * 0.56;
  const height = lines.length * lead;
  const middleY = -((lines.length - 1) * lead) / 2 + size * 0.35;
  const at =
    side === "right"
      ? { x: gap, y: middleY, anchor: "start" as const, box: { x0: gap, x1: gap + width, y0: -height / 2, y1: height / 2 } }
      : side === "left"
        ? { x: -gap, y: middleY, anchor: "end" as const, box: { x0: -gap - width, x1: -gap, y0: -height / 2, y1: height / 2 } }
        : side === "above"
          ? { x: 0, y: -gap - (lines.length - 1) * lead - size * 0.3, anchor: "middle" as const, box: { x0: -width / 2, x1: width / 2, y0: -gap - height, y1: -gap } }
          : { x: 0, y: gap + size * 0.9, anchor: "middle" as const, box: { x0: -width / 2, x1: width / 2, y0: gap, y1: gap + height } };
  return { ...at, lines, size, lead };
}

/**
 * Which papers get a label and on which side: the most cited first, each on the first side
 * (its preferred one, then the others) where it covers no other label and no circle.
 */
function planLabels(nodes: readonly PlacedNode[], candidates: readonly PlacedNode[], zoom: number): Map<string, Side> {
  const placed: { x0: number; x1: number; y0: number; y1: number }[] = [];
  const plan = new Map<string, Side>();
  const hitsCircle = (b: { x0: number; x1: number; y0: number; y1: number }, self: PlacedNode) =>
    nodes.some((n) => {
      if (n === self) return false;
      const cx = Math.max(b.x0, Math.min(n.x, b.x1));
      const cy = Math.max(b.y0, Math.min(n.y, b.y1));
      return Math.hypot(n.x - cx, n.y - cy) < n.r + 2;
    });
  for (const node of candidates) {
    for (const side of [node.labelSide, ...SIDES.filter((s) => s !== node.labelSide)]) {
      const g = labelGeometry(node, side, zoom);
      const box = { x0: node.x + g.box.x0, x1: node.x + g.box.x1, y0: node.y + g.box.y0, y1: node.y + g.box.y1 };
      const overlaps = placed.some((p) => box.x0 < p.x1 && box.x1 > p.x0 && box.y0 < p.y1 && box.y1 > p.y0);
      if (overlaps || hitsCircle(box, node)) continue;
      placed.push(box);
      plan.set(node.id, side);
      break;
    }
  }
  return plan;
}

/** A title beside its circle, in at most two lines. */
function NodeLabel(props: { node: PlacedNode; side: Side; zoom: number }) {
  const g = () => labelGeometry(props.node, props.side, props.zoom);
  return (
    <text class="graph-label" x={g().x} y={g().y} text-anchor={g().anchor} font-size={String(g().size)}>
      <For each={g().lines}>
        {(line, i) => (
          <tspan x={g().x} dy={i() === 0 ? 0 : `${g().lead}`}>
            {line}
          </tspan>
        )}
      </For>
    </text>
  );
}

function GraphHeader(props: { projectName?: string; papers: number; citations: number; children?: JSX.Element }) {
  return (
    <header class="page-header graph-header">
      <div>
        <h1 class="page-title serif">Citation graph</h1>
        <p class="page-subtitle">
          {props.projectName ? `${props.projectName} · ` : ""}
          {plural(props.papers, "paper")}
          {props.citations > 0 ? ` · ${plural(props.citations, "citation")} between them` : ""}
        </p>
      </div>
      {props.children}
    </header>
  );
}

function GraphCanvas(props: { projectId: string; projectName?: string; data: CitationGraphDto }) {
  const navigate = useNavigate();
  const linkedIds = createMemo(() => new Set(props.data.edges.flatMap((e) => [e.from, e.to])));
  const [showUnlinked, setShowUnlinked] = createSignal(props.data.nodes.length <= SHOW_UNLINKED_UP_TO);
  const layout = createMemo<Layout>(() =>
    layoutGraph({
      nodes: showUnlinked() ? props.data.nodes : props.data.nodes.filter((n) => linkedIds().has(n.id)),
      edges: props.data.edges,
    }),
  );
  const ranked = createMemo(() =>
    [...layout().nodes]
      .filter((n) => n.citedByCount > 0)
      .sort((a, b) => b.citedByCount - a.citedByCount || b.r - a.r)
      .slice(0, LABELLED),
  );

  const [size, setSize] = createSignal({ w: 800, h: 520 });
  const [view, setView] = createSignal<View>({ k: 1, x: 400, y: 260 });
  // Recomputed as the zoom changes: zoomed in, more labels find room.
  const labels = createMemo(() => planLabels(layout().nodes, ranked(), Math.round(view().k * 20) / 20));
  const [active, setActive] = createSignal<string | null>(null);
  const [dragging, setDragging] = createSignal(false);
  let frame!: HTMLDivElement;
  let svg!: SVGSVGElement;

  const neighbours = createMemo(() => {
    const id = active();
    if (!id) return null;
    const set = new Set([id]);
    for (const e of layout().edges) {
      if (e.from.id === id) set.add(e.to.id);
      if (e.to.id === id) set.add(e.from.id);
    }
    return set;
  });

  function fit() {
    const { w, h } = size();
    // The picture includes its labels (as placed at 1:1), so none is cut at the frame's edge.
    const b = { ...layout().bounds };
    for (const [id, side] of planLabels(layout().nodes, ranked(), 1)) {
      const n = layout().nodes.find((node) => node.id === id)!;
      const g = labelGeometry(n, side, 1).box;
      b.minX = Math.min(b.minX, n.x + g.x0);
      b.maxX = Math.max(b.maxX, n.x + g.x1);
      b.minY = Math.min(b.minY, n.y + g.y0);
      b.maxY = Math.max(b.maxY, n.y + g.y1);
    }
    const padX = 40;
    const padY = 48;
    const bw = Math.max(1, b.maxX - b.minX);
    const bh = Math.max(1, b.maxY - b.minY);
    const k = Math.min(1.6, Math.max(MIN_ZOOM, Math.min((w - 2 * padX) / bw, (h - 2 * padY) / bh)));
    setView({ k, x: w / 2 - ((b.minX + b.maxX) / 2) * k, y: h / 2 - ((b.minY + b.maxY) / 2) * k });
  }

  function zoomAt(factor: number, px = size().w / 2, py = size().h / 2) {
    setView((v) => {
      const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, v.k * factor));
      const f = k / v.k;
      return { k, x: px - (px - v.x) * f, y: py - (py - v.y) * f };
    });
  }

  onMount(() => {
    const measure = () => {
      const r = frame.getBoundingClientRect();
      setSize({ w: Math.max(320, r.width), h: Math.max(360, r.height) });
    };
    measure();
    fit();
    const observer = new ResizeObserver(() => {
      measure();
    });
    observer.observe(frame);
    // Wheel zoom needs a non-passive listener to keep the page from scrolling.
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = svg.getBoundingClientRect();
      zoomAt(Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0018)), e.clientX - r.left, e.clientY - r.top);
    };
    svg.addEventListener("wheel", onWheel, { passive: false });
    onCleanup(() => {
      observer.disconnect();
      svg.removeEventListener("wheel", onWheel);
    });
  });
  createEffect(on(layout, () => fit(), { defer: true }));

  // Drag to pan; a press that barely moves is a click on whatever is under it.
  let press: { x: number; y: number; vx: number; vy: number; id: number } | null = null;
  let moved = false;
  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    press = { x: e.clientX, y: e.clientY, vx: view().x, vy: view().y, id: e.pointerId };
    moved = false;
  };
  const onPointerMove = (e: PointerEvent) => {
    if (!press || e.pointerId !== press.id) return;
    const dx = e.clientX - press.x;
    const dy = e.clientY - press.y;
    if (!moved && Math.hypot(dx, dy) < 4) return;
    if (!moved) {
      moved = true;
      setDragging(true);
      svg.setPointerCapture(e.pointerId);
    }
    setView((v) => ({ ...v, x: press!.vx + dx, y: press!.vy + dy }));
  };
  const onPointerUp = (e: PointerEvent) => {
    if (press && e.pointerId === press.id && moved) svg.releasePointerCapture(e.pointerId);
    press = null;
    setDragging(false);
  };

  const open = (n: PlacedNode) => navigate(`/projects/${props.projectId}/papers/${n.id}`);
  const activeNode = createMemo(() => layout().nodes.find((n) => n.id === active()) ?? null);
  const dimmed = (id: string) => neighbours() !== null && !neighbours()!.has(id);
  const tooltipPos = createMemo(() => {
    const n = activeNode();
    if (!n) return null;
    const v = view();
    const x = n.x * v.k + v.x;
    const y = n.y * v.k + v.y;
    const below = y - n.r * v.k < 150;
    return { left: Math.min(size().w - 16, Math.max(16, x)), top: below ? y + n.r * v.k + 12 : y - n.r * v.k - 12, below };
  });
  const unlinkedCount = () => props.data.nodes.length - linkedIds().size;

  return (
    <>
      <GraphHeader projectName={props.projectName} papers={props.data.nodes.length} citations={props.data.edges.length}>
        <div class="graph-tools">
          <Show when={unlinkedCount() > 0}>
            <label class="graph-toggle">
              <input type="checkbox" checked={showUnlinked()} onChange={(e) => setShowUnlinked(e.currentTarget.checked)} />
              Show {plural(unlinkedCount(), "paper")} without citations
            </label>
          </Show>
          <div class="graph-zoom" role="group" aria-label="Zoom">
            <button type="button" class="btn-icon" aria-label="Zoom out" title="Zoom out (−)" onClick={() => zoomAt(1 / 1.3)}>
              <Icon name="minus" />
            </button>
            <button type="button" class="btn-icon" aria-label="Zoom in" title="Zoom in (+)" onClick={() => zoomAt(1.3)}>
              <Icon name="plus" />
            </button>
            <button type="button" class="btn btn-ghost btn-sm" title="Fit the graph to the window (0)" onClick={fit}>
              Fit
            </button>
          </div>
        </div>
      </GraphHeader>

      <div
        class="graph-frame"
        ref={frame}
        onKeyDown={(e) => {
          if (e.key === "+" || e.key === "=") zoomAt(1.3);
          else if (e.key === "-") zoomAt(1 / 1.3);
          else if (e.key === "0") fit();
          else if (e.key === "Escape") setActive(null);
          else return;
          e.preventDefault();
        }}
      >
        <svg
          ref={svg}
          class="graph-svg"
          classList={{ dragging: dragging() }}
          width={size().w}
          height={size().h}
          viewBox={`0 0 ${size().w} ${size().h}`}
          role="group"
          aria-label={`Citation graph of ${plural(layout().nodes.length, "paper")}. Tab to a paper, Enter opens it.`}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
        >
          <defs>
            <marker id="graph-arrow" viewBox="0 0 10 10" refX="1" refY="5" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto">
              <path d="M0,0L10,5L0,10z" class="graph-arrowhead" />
            </marker>
            <marker id="graph-arrow-active" viewBox="0 0 10 10" refX="1" refY="5" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto">
              <path d="M0,0L10,5L0,10z" class="graph-arrowhead active" />
            </marker>
          </defs>
          <g transform={`translate(${view().x},${view().y}) scale(${view().k})`}>
            <g class="graph-edges">
              <For each={layout().edges}>
                {(e) => {
                  const lit = () => active() !== null && (e.from.id === active() || e.to.id === active());
                  return (
                    <path
                      d={e.d}
                      class="graph-edge"
                      classList={{ active: lit(), dim: active() !== null && !lit() }}
                      marker-end={lit() ? "url(#graph-arrow-active)" : "url(#graph-arrow)"}
                    >
                      <title>{`${e.from.title} cites ${e.to.title}`}</title>
                    </path>
                  );
                }}
              </For>
            </g>
            <g class="graph-nodes">
              <For each={layout().nodes}>
                {(n) => (
                  <g
                    class="graph-node"
                    classList={{ active: active() === n.id, dim: dimmed(n.id), unlinked: !linkedIds().has(n.id), cited: n.citedByCount > 0 }}
                    transform={`translate(${n.x},${n.y})`}
                    tabindex="0"
                    role="link"
                    aria-label={`${n.title}${n.year ? `, ${n.year}` : ""}. Cited by ${plural(n.citedByCount, "paper")} here, cites ${n.citesCount}.`}
                    onMouseEnter={() => setActive(n.id)}
                    onMouseLeave={() => setActive((a) => (a === n.id ? null : a))}
                    onFocus={() => setActive(n.id)}
                    onBlur={() => setActive((a) => (a === n.id ? null : a))}
                    onClick={() => !moved && open(n)}
                    onKeyDown={(e) => {
                      if (e.key === "Enter" || e.key === " ") {
                        e.preventDefault();
                        open(n);
                      }
                    }}
                  >
                    <circle class="graph-node-ring" r={n.r + 5} />
                    <circle class="graph-node-dot" r={n.r} />
                    <Show when={n.citedByCount > 0}>
                      <text class="graph-node-count" dy="0.35em" font-size={String(Math.max(10, Math.min(15, n.r * 0.7)))}>
                        {n.citedByCount}
                      </text>
                    </Show>
                    <Show when={labels().get(n.id)}>{(side) => <NodeLabel node={n} side={side()} zoom={view().k} />}</Show>
                  </g>
                )}
              </For>
            </g>
          </g>
        </svg>

        <Show when={activeNode() && tooltipPos()}>
          <div
            class="graph-tooltip"
            classList={{ below: tooltipPos()!.below }}
            role="tooltip"
            style={{ left: `${tooltipPos()!.left}px`, top: `${tooltipPos()!.top}px` }}
          >
            <p class="graph-tooltip-title serif">{activeNode()!.title}</p>
            <Show when={activeNode()!.authors.length > 0 || activeNode()!.year}>
              <p class="graph-tooltip-meta">
                {authorsLine(activeNode()!.authors)}
                {activeNode()!.authors.length > 0 && activeNode()!.year ? " · " : ""}
                {activeNode()!.year ?? ""}
              </p>
            </Show>
            <p class="graph-tooltip-counts">
              {activeNode()!.citedByCount > 0 ? `Cited by ${plural(activeNode()!.citedByCount, "paper")} here` : "Not cited here yet"} · cites{" "}
              {activeNode()!.citesCount}
            </p>
          </div>
        </Show>

        <div class="graph-legend" aria-hidden="true">
          <span class="graph-legend-item">
            <svg width="34" height="16" viewBox="0 0 34 16">
              <circle cx="6" cy="8" r="4" class="graph-legend-dot" />
              <circle cx="24" cy="8" r="7" class="graph-legend-dot" />
            </svg>
            Size: cited by papers here
          </span>
          <span class="graph-legend-item">
            <svg width="30" height="12" viewBox="0 0 30 12">
              <path d="M2,6H22" class="graph-edge" />
              <path d="M21,2L28,6L21,10z" class="graph-arrowhead" />
            </svg>
            cites
          </span>
          <span class="graph-legend-item graph-legend-hint">Scroll to zoom · drag to move · click a paper to open it</span>
        </div>
      </div>
    </>
  );
}
