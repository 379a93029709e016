// A page's text layer as one string with a map back to its DOM text nodes, so a selection
// becomes character offsets and a quote found in the text becomes a DOM Range again.
// Items are joined with one space where neither side has whitespace, the same rule as
// `joinItems`, so the text of an unrendered page (from getTextContent) matches.

export interface Segment {
  node: Text;
  start: number;
  end: number;
}

export interface TextIndex {
  text: string;
  segments: Segment[];
}

function needsGap(before: string, next: string): boolean {
  return before.length > 0 && next.length > 0 && !/\s$/.test(before) && !/^\s/.test(next);
}

/** The same joining as the index, for text content items that are not in the DOM. */
export function joinItems(items: readonly string[]): string {
  let text = "";
  for (const s of items) {
    if (!s) continue;
    if (needsGap(text, s)) text += " ";
    text += s;
  }
  return text;
}

export function buildTextIndex(layer: HTMLElement): TextIndex {
  const segments: Segment[] = [];
  let text = "";
  const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const s = node.data;
    if (!s) continue;
    if (needsGap(text, s)) text += " ";
    segments.push({ node, start: text.length, end: text.length + s.length });
    text += s;
  }
  return { text, segments };
}

/** Offset in the index of a DOM boundary point, or null when it is outside the layer. */
export function offsetOf(index: TextIndex, container: Node, offset: number): number | null {
  if (container.nodeType === Node.TEXT_NODE) {
    const seg = index.segments.find((s) => s.node === container);
    return seg ? seg.start + Math.min(offset, seg.end - seg.start) : null;
  }
  // An element boundary: the first text node at or after that child.
  const after = container.childNodes[offset] ?? null;
  for (const seg of index.segments) {
    if (after ? after === seg.node || after.contains(seg.node) || after.compareDocumentPosition(seg.node) & Node.DOCUMENT_POSITION_FOLLOWING : container.compareDocumentPosition(seg.node) & Node.DOCUMENT_POSITION_FOLLOWING) {
      return seg.start;
    }
  }
  return index.text.length;
}

/** A DOM Range for [start, end) of the index text; gap characters map to segment edges. */
export function rangeFor(index: TextIndex, start: number, end: number): Range | null {
  const first = index.segments.find((s) => s.end > start);
  let last: Segment | undefined;
  for (const s of index.segments) if (s.start < end) last = s;
  if (!first || !last || first.start >= end) return null;
  const range = document.createRange();
  range.setStart(first.node, Math.max(0, start - first.start));
  range.setEnd(last.node, Math.min(last.end - last.start, end - last.start));
  return range;
}
