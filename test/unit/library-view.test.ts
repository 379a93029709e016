// The library's client-side filter and sort (client/src/lib/library-view.ts).
import { describe, expect, it } from "vitest";
import { viewRows } from "../../client/src/lib/library-view";
import type { DocumentDto } from "../../protocol/documents";

const doc = (id: string, title: string, year: number | null = null): DocumentDto => ({
  id, projectId: "p", filename: `${id}.pdf`, size: 1, sha256: id, status: "parsed", progress: { pages: 1, total: 1 },
  error: null, title, authors: [], year, doi: null, arxivId: null, abstract: null, pageCount: 1, tags: [],
  duplicateOf: null, uploadedBy: "u", createdAt: "2026-01-01T00:00:00.000Z", updatedAt: "2026-01-01T00:00:00.000Z",
});

// The server's order: newest first.
const items = [doc("d", "Delta", 2001), doc("c", "charlie"), doc("b", "Bravo", 2020), doc("a", "alpha", 1999)];
const ids = (rows: DocumentDto[]) => rows.map((d) => d.id);

describe("viewRows", () => {
  it("keeps the server's order for 'added' and sorts titles and years", () => {
    expect(ids(viewRows(items, { text: "", status: "", sort: "added" }))).toEqual(["d", "c", "b", "a"]);
    expect(ids(viewRows(items, { text: "", status: "", sort: "title" }))).toEqual(["a", "b", "c", "d"]);
    expect(ids(viewRows(items, { text: "", status: "", sort: "year" }))).toEqual(["b", "d", "a", "c"]);
  });

  it("puts the most recently discussed first and the undiscussed after them in the server's order", () => {
    const last = new Map([
      ["a", "2026-11-27T10:00:00.000Z"],
      ["c", "2026-11-27T12:30:00.000Z"],
    ]);
    const rows = viewRows(items, { text: "", status: "", sort: "activity", lastActivity: (id) => last.get(id) });
    expect(ids(rows)).toEqual(["c", "a", "d", "b"]);
    // Without counts yet, nothing moves.
    expect(ids(viewRows(items, { text: "", status: "", sort: "activity" }))).toEqual(["d", "c", "b", "a"]);
  });

  it("filters by every word of the text before sorting", () => {
    expect(ids(viewRows(items, { text: "ALPHA", status: "", sort: "title" }))).toEqual(["a"]);
    expect(ids(viewRows(items, { text: "2020 bravo", status: "", sort: "added" }))).toEqual(["b"]);
    expect(viewRows(items, { text: "zulu", status: "", sort: "added" })).toEqual([]);
  });
});
