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

/** A title beside its circle, on the side away from the middle, in at most two lines. */
function NodeLabel(props: { node: PlacedNode; zoom: number }) {
  const lines = () => wrapLabel(props.node.title);
  // Labels keep a readable size on screen while zooming out, and grow a little zooming in.
  const size = () => 12.5 / Math.max(0.8, Math.min(props.zoom, 1.25));
  const gap = () => props.node.r + 6;
  const place = () => {
    const fs = size();
    const lead = fs * 1.2;
    const n = lines().length;
    switch (props.node.labelSide) {
      case "right":
        return { x: gap(), y: -((n - 1) * lead) / 2 + fs * 0.35, anchor: "start" };
      case "left":
        return { x: -gap(), y: -((n - 1) * lead) / 2 + fs * 0.35, anchor: "end" };
      case "above":
        return { x: 0, y: -gap() - (n - 1) * lead - fs * 0.3, anchor: "middle" };
      default:
        return { x: 0, y: gap() + fs * 0.9, anchor: "middle" };
    }
  };
  return (
    <text class="graph-label" x={place().x} y={place().y} text-anchor={place().anchor as "start" | "middle" | "end"} font-size={String(size())}>
      <For each={lines()}>
        {(line, i) => (
          <tspan x={place().x} dy={i() === 0 ? 0 : `${size() * 1.2}`}>
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
  const labelled = createMemo(() => {
    const ranked = [...layout().nodes].filter((n) => n.citedByCount > 0).sort((a, b) => b.citedByCount - a.citedByCount);
    return new Set(ranked.slice(0, LABELLED).map((n) => n.id));
  });

  const [size, setSize] = createSignal({ w: 800, h: 520 });
  const [view, setView] = createSignal<View>({ k: 1, x: 400, y: 260 });
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
    const b = layout().bounds;
    const pad = 72;
    const bw = Math.max(1, b.maxX - b.minX);
    const bh = Math.max(1, b.maxY - b.minY);
    const k = Math.min(1.6, Math.max(MIN_ZOOM, Math.min((w - 2 * pad) / bw, (h - 2 * pad) / bh)));
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
                    <Show when={labelled().has(n.id) || active() === n.id}>
                      <NodeLabel node={n} zoom={view().k} />
                    </Show>
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
              Cited by {plural(activeNode()!.citedByCount, "paper")} here · cites {activeNode()!.citesCount}
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
