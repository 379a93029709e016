import { describe, expect, it } from "vitest";
import { extractMetadata, saneInfoTitle } from "../../worker/papers/metadata";
import { cleanDoi, normalizeTitle } from "../../worker/papers/normalize";
import type { LayoutItem } from "../../worker/papers/page-text";

// Made-up page layouts: each item is one text run (x, y in PDF points, y up).
let font = 0;
const run = (str: string, x: number, y: number, fontSize: number, f = `f${font}`): LayoutItem => ({
  str, x, y, w: str.length * fontSize * 0.5, fontSize, font: f, page: 1,
});
const meta = (items: LayoutItem[], text = "", info: Record<string, unknown> = {}, page2?: { text: string; items?: LayoutItem[] }) =>
  extractMetadata({
    firstPages: [{ page: 1, text, items }, ...(page2 ? [{ page: 2, ...page2 }] : [])],
    info,
    xmp: null,
    numPages: 10,
  });

describe("title from layout", () => {
  it("skips a journal running head set larger than the title and merges title lines", () => {
    const m = meta([
      run("Journal of Imaginary Results", 300, 760, 16, "head"),
      run("A Study of Quiet Lattices under", 100, 640, 15, "t"),
      run("Gentle Perturbation", 160, 622, 15, "t"),
      run("Ada Quill and Bo Renner", 180, 590, 11, "a"),
      run("Abstract", 72, 540, 10, "b"),
    ]);
    expect(m.title).toBe("A Study of Quiet Lattices under Gentle Perturbation");
    expect(m.authors).toEqual(["Ada Quill", "Bo Renner"]);
  });

  it("ignores an arXiv side stamp, footnote marks and affiliation superscripts", () => {
    const m = meta([
      run("arXiv:2101.01234v2 [cs.DL] 3 Jan 2021", 20, 300, 20, "stamp"),
      run("Sparse Catalogues", 200, 700, 17, "t"),
      run("∗", 340, 706, 8, "m"),
      run("Carla Dunmore", 150, 670, 12, "a"),
      run("1", 228, 675, 7, "m"),
      run("Evan Fitch", 330, 670, 12, "a"),
      run("2", 388, 675, 7, "m"),
      run("Institute of Nowhere, Atlantis", 150, 655, 9, "aff"),
    ], "arXiv:2101.01234v2 [cs.DL] 3 Jan 2021\nSparse Catalogues");
    expect(m.title).toBe("Sparse Catalogues");
    expect(m.authors).toEqual(["Carla Dunmore", "Evan Fitch"]);
    expect(m.arxivId).toBe("2101.01234");
    expect(m.year).toBe(2021);
  });

  it("joins a smaller subtitle in the same font but not a 'Position Paper' tag or a version line", () => {
    const m = meta([
      run("Back to Basics", 200, 720, 24, "t"),
      run("The Story of a Tiny Kernel", 150, 690, 19, "t"),
      run("by", 290, 660, 12, "a"),
      run("Gil Harrow, Ida Jensen", 220, 640, 12, "a"),
    ]);
    expect(m.title).toBe("Back to Basics: The Story of a Tiny Kernel");
    expect(m.authors).toEqual(["Gil Harrow", "Ida Jensen"]);
    const p = meta([run("Against Locks", 200, 720, 18, "t"), run("Position Paper", 240, 700, 14, "t2"), run("Kai Lund", 250, 670, 12, "a")]);
    expect(p.title).toBe("Against Locks");
  });

  it("splits uppercase author lists on AND and strips emails and IEEE grades", () => {
    const m = meta([
      run("Counting Sheep Quickly", 100, 700, 16, "t"),
      run("MARA NOLTE, Member, IEEE, OTTO PRICE AND QUINN RAY", 80, 670, 10, "a"),
      run("mara@example.org", 200, 656, 9, "e"),
    ]);
    expect(m.authors).toEqual(["Mara Nolte", "Otto Price", "Quinn Ray"]);
  });

  it("uses the Info title only when layout gives nothing and the Info title is sane", () => {
    expect(meta([], "", { Title: "Project2_Writeup.dvi" }).title).toBeNull();
    expect(meta([], "", { Title: "Microsoft Word - draft3.doc" }).title).toBeNull();
    expect(meta([], "", { Title: "Frugal Indexing for Small Libraries" }).title).toBe("Frugal Indexing for Small Libraries");
    expect(saneInfoTitle("untitled")).toBeNull();
    expect(saneInfoTitle("http://example.org/paper.html")).toBeNull();
  });

  it("takes the title from a repository cover page and the authors from the paper on page 2", () => {
    const m = meta(
      [run("Downloaded from repo.example.edu on: May 1, 2020", 50, 800, 8, "c"), run("Widgets at Scale", 50, 600, 12, "t")],
      "Downloaded from repo.example.edu on: May 1, 2020\nWidgets at Scale\nGeneral rights",
      {},
      { text: "Widgets at Scale\nUma Vole, Walt Xu", items: [run("Widgets at Scale", 90, 700, 24, "t2"), run("Uma Vole, Walt Xu", 90, 660, 14, "a2")] },
    );
    expect(m.title).toBe("Widgets at Scale");
    expect(m.authors).toEqual(["Uma Vole", "Walt Xu"]);
  });
});

describe("identifiers, year and abstract from text", () => {
  const text = [
    "Quiet Lattices",
    "Journal of Imaginary Results 12 (2014) 1–9. DOI: 10.5555/JIR.2014.12.001.",
    "Abstract",
    "We study lattices that are quiet, and show that quietness is preserved under gentle perturbation.",
    "Keywords: lattices",
    "1 Introduction",
    "References",
    "[1] A. Other. Older work. 1999. doi:10.1000/older",
  ].join("\n");
  it("finds the paper's own DOI, not a reference's, and the year next to it", () => {
    const m = meta([], text);
    expect(m.doi).toBe("10.5555/JIR.2014.12.001");
    expect(m.year).toBe(2014);
    expect(m.abstract).toBe("We study lattices that are quiet, and show that quietness is preserved under gentle perturbation.");
  });
  it("prefers copyright and conference years over cited years", () => {
    expect(meta([], "Fast Things\nAs shown by Smith (2003)\nPLDI'09, June 15–20, 2009\nCopyright 2009 ACM").year).toBe(2009);
    expect(meta([], "Old arXiv\narXiv:math/0501170v3 [math.CO] 25 Jan 2005").arxivId).toBe("math/0501170");
  });
});

describe("normalisers", () => {
  it("normalises DOIs: resolver prefixes, trailing punctuation, placeholders", () => {
    expect(cleanDoi("https://doi.org/10.1109/TNET.2008.927257.")).toBe("10.1109/TNET.2008.927257");
    expect(cleanDoi("(doi:10.1002/(SICI)1097-4571(199806)49:8<693::AID>3.0.CO;2-0),")).toBe("10.1002/(SICI)1097-4571(199806)49:8");
    expect(cleanDoi("10.1145/XXXXXXX.XXXXXXX")).toBeNull();
  });
  it("normalises titles for matching: case, accents, punctuation, spaced TeX accents", () => {
    expect(normalizeTitle("Élan: A Peer-to-Peer  Study!")).toBe("elan a peer to peer study");
    expect(normalizeTitle("Jo˜ ao’s “Tilings”")).toBe(normalizeTitle("João's Tilings"));
  });
});
