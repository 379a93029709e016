import { describe, expect, it } from "vitest";
import { matchReferences, MIN_TITLE_CHARS, type LinkTarget } from "../../durable-objects/references-store";
import { normalizeTitle } from "../../worker/papers/normalize";
import { extractReferences } from "../../worker/papers/references";
import { LOUD_DOI, LOUD_TITLE, loudPages, QUIET_TITLE, quietPages } from "../fixtures/citing-papers.mjs";

const target = (id: string, title: string | null, doi: string | null = null): LinkTarget => ({ id, doi, titleNorm: title ? normalizeTitle(title) : "" });
const source = (documentId: string, index: number, title: string | null, doi: string | null = null) => ({
  documentId,
  index,
  doi,
  titleNorm: title ? normalizeTitle(title) : "",
});

describe("matchReferences", () => {
  const papers = [target("a", "Quiet Lattices and Their Gentle Perturbations"), target("b", "Loud lattices revisited", "10.5555/Loud.2021"), target("c", "Introduction")];

  it("matches by DOI case-insensitively, before the title", () => {
    // The title names "a" but the DOI names "b": the DOI wins.
    expect(matchReferences([source("c", 1, "Quiet lattices and their gentle perturbations", "10.5555/LOUD.2021")], papers)).toEqual([{ from: "c", index: 1, to: "b" }]);
  });

  it("matches by normalised title: case, accents, punctuation and hyphens do not matter", () => {
    expect(matchReferences([source("b", 4, "QUIET lattices — and their gentle-perturbations!")], papers)).toEqual([{ from: "b", index: 4, to: "a" }]);
    expect(matchReferences([source("b", 4, "Quiet lattices and their gentle perturbations: a sequel")], papers)).toEqual([]);
    expect(matchReferences([source("c", 2, "Quiet Lättices and Their Gentle Perturbations")], papers)).toEqual([{ from: "c", index: 2, to: "a" }]);
  });

  it("never links a paper to itself, falls back to the title when the DOI names itself, and ignores short titles", () => {
    expect(matchReferences([source("b", 1, "Loud lattices revisited", "10.5555/loud.2021")], papers)).toEqual([]);
    expect(matchReferences([source("a", 1, "Quiet lattices and their gentle perturbations")], papers)).toEqual([]);
    expect(matchReferences([source("a", 1, "Introduction")], papers)).toEqual([]);
    expect(matchReferences([source("a", 1, "Deep learning")], [target("d", "Deep Learning")])).toEqual([{ from: "a", index: 1, to: "d" }]);
    expect(matchReferences([source("a", 1, "Big data")], [target("d", "Big Data")])).toEqual([]); // under MIN_TITLE_CHARS
    expect("big data".length).toBeLessThan(MIN_TITLE_CHARS);
    expect(matchReferences([source("a", 1, null), source("a", 2, "Something else entirely here")], papers)).toEqual([]);
  });

  it("links to the first of two duplicate papers that is not the citing one", () => {
    const dupes = [target("x", "A paper worth citing twice"), target("y", "A paper worth citing twice")];
    expect(matchReferences([source("z", 1, "A paper worth citing twice")], dupes)).toEqual([{ from: "z", index: 1, to: "x" }]);
    expect(matchReferences([source("x", 1, "A paper worth citing twice")], dupes)).toEqual([{ from: "x", index: 1, to: "y" }]);
  });
});

describe("the citing-papers fixture", () => {
  it("reads DOI and titles from both bibliographies", () => {
    const quiet = extractReferences(quietPages.map((text, i) => ({ page: i + 1, text })));
    const loud = extractReferences(loudPages.map((text, i) => ({ page: i + 1, text })));
    expect(quiet).toHaveLength(3);
    expect(quiet[1]).toMatchObject({ doi: LOUD_DOI, year: 2021 });
    expect(loud).toHaveLength(3);
    expect(normalizeTitle(loud[0]!.title!)).toBe(normalizeTitle(QUIET_TITLE));
    expect(normalizeTitle(loud[1]!.title!)).toBe(normalizeTitle(LOUD_TITLE));
  });
});
