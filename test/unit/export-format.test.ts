// The pure pieces of §Export: name splitting, citekeys, BibTeX escaping and entries, CSL items.
import { describe, expect, it } from "vitest";
import { bibtexAuthor, bibtexEntry, bibtexTitle, latexEscape, type ExportDoc } from "../../worker/export/bibtex";
import { assignCitekeys, baseKey } from "../../worker/export/citekeys";
import { cslItem } from "../../worker/export/csl";
import { asciiFold, splitName } from "../../worker/export/names";
import { titleKey } from "../../worker/papers/duplicates";

const doc = (over: Partial<ExportDoc> = {}): ExportDoc => ({
  id: "d1",
  createdAt: "2024-01-01T00:00:00.000Z",
  title: "A Title",
  authors: [],
  year: null,
  filename: "paper.pdf",
  doi: null,
  arxivId: null,
  abstract: null,
  tags: [],
  ...over,
});

describe("names", () => {
  it("splits given, particles, family and suffix", () => {
    expect(splitName("Ashish Vaswani")).toEqual({ family: "Vaswani", given: "Ashish", particle: null, suffix: null });
    expect(splitName("Ludwig van Beethoven")).toEqual({ family: "Beethoven", given: "Ludwig", particle: "van", suffix: null });
    expect(splitName("Charles de la Vallée Poussin")).toEqual({ family: "Vallée Poussin", given: "Charles", particle: "de la", suffix: null });
    expect(splitName("van der Berg, Vincent")).toEqual({ family: "Berg", given: "Vincent", particle: "van der", suffix: null });
    expect(splitName("García Márquez, Gabriel")).toEqual({ family: "García Márquez", given: "Gabriel", particle: null, suffix: null });
    expect(splitName("Doe, Jr., John")).toEqual({ family: "Doe", given: "John", particle: null, suffix: "Jr." });
    expect(splitName("Martin Luther King Jr.")).toEqual({ family: "King", given: "Martin Luther", particle: null, suffix: "Jr." });
    expect(splitName("Plato")).toEqual({ literal: "Plato" });
    expect(splitName("ATLAS Collaboration")).toEqual({ literal: "ATLAS Collaboration" });
    expect(splitName("张三")).toEqual({ literal: "张三" });
  });

  it("folds to ASCII", () => {
    expect(asciiFold("Müller")).toBe("muller");
    expect(asciiFold("Łukasz Øster-Straße")).toBe("lukaszosterstrasse");
    expect(asciiFold("Ç̌")).toBe("c");
  });
});

describe("citekeys", () => {
  it("takes surname, year and the first significant title word, with fallbacks", () => {
    expect(baseKey(doc({ authors: ["Ashish Vaswani"], year: 2017, title: "Attention Is All You Need" }))).toBe("vaswani2017attention");
    expect(baseKey(doc({ authors: ["van der Berg, Vincent"], year: 2001, title: "On the Use of Things" }))).toBe("berg2001things");
    expect(baseKey(doc({ authors: ["Jürgen Müller"], year: 1999, title: "Über Straßen" }))).toBe("muller1999uber");
    expect(baseKey(doc({ authors: ["CMS Collaboration"], year: 2012, title: "Observation of a new boson" }))).toBe("cms2012observation");
    expect(baseKey(doc({ authors: [], year: null, title: null, filename: "The_Quantum Notes.pdf" }))).toBe("anonndquantum");
    expect(baseKey(doc({ authors: ["张三"], year: 2020, title: "深度学习", filename: "x.pdf" }))).toBe("anon2020x");
  });

  it("suffixes collisions by age, whatever order the rows come in", () => {
    const same = { authors: ["Jane Smith"], year: 2020, title: "Protein folding" };
    const rows = [
      doc({ id: "c", createdAt: "2024-03-01T00:00:00.000Z", ...same }),
      doc({ id: "a", createdAt: "2024-01-01T00:00:00.000Z", ...same }),
      doc({ id: "b2", createdAt: "2024-02-01T00:00:00.000Z", ...same }),
      doc({ id: "b1", createdAt: "2024-02-01T00:00:00.000Z", ...same }),
    ];
    const keys = assignCitekeys(rows);
    expect([...["a", "b1", "b2", "c"]].map((id) => keys.get(id))).toEqual(["smith2020protein", "smith2020proteina", "smith2020proteinb", "smith2020proteinc"]);
    const many = assignCitekeys(Array.from({ length: 30 }, (_, i) => doc({ id: `x${String(i).padStart(2, "0")}`, ...same })));
    expect(many.get("x27")).toBe("smith2020proteinaa");
    expect(new Set(many.values()).size).toBe(30);
  });
});

describe("BibTeX", () => {
  it("escapes every LaTeX special character", () => {
    expect(latexEscape("{}&%$#_~^\\")).toBe("\\{\\}\\&\\%\\$\\#\\_\\textasciitilde{}\\textasciicircum{}\\textbackslash{}");
    expect(latexEscape("multi\n  line\ttext")).toBe("multi line text");
  });

  it("braces only words whose capitals a style must keep", () => {
    expect(bibtexTitle("BERT: Pre-Training of Deep Bidirectional Transformers")).toBe("{BERT:} Pre-Training of Deep Bidirectional Transformers");
    expect(bibtexTitle("Learning in 3D with LaTeX and iPhone")).toBe("Learning in {3D} with {LaTeX} and {iPhone}");
    expect(bibtexTitle("\\LaTeX{} rules")).toBe("{{\\textbackslash{}LaTeX\\{\\}}} rules");
  });

  it("writes authors as Last, First with particles, suffixes and literals", () => {
    expect(bibtexAuthor("Vincent van der Berg")).toBe("van der Berg, Vincent");
    expect(bibtexAuthor("John Doe Jr.")).toBe("Doe, Jr., John");
    expect(bibtexAuthor("Johnson & Johnson Research Group")).toBe("{Johnson \\& Johnson Research Group}");
    expect(bibtexAuthor("Anders And Andersen")).toBe("Andersen, Anders {And}");
  });

  it("gives arXiv papers eprint, archivePrefix and primaryClass", () => {
    const entry = bibtexEntry(doc({ title: "Old Physics", authors: ["Ed Witten"], year: 1998, arxivId: "hep-th/9802150" }), "witten1998physics");
    expect(entry).toBe(
      "@misc{witten1998physics,\n  author = {Witten, Ed},\n  title = {Old Physics},\n  year = {1998},\n  eprint = {hep-th/9802150},\n" +
        "  archivePrefix = {arXiv},\n  primaryClass = {hep-th},\n  url = {https://arxiv.org/abs/hep-th/9802150}\n}\n",
    );
    const modern = bibtexEntry(doc({ arxivId: "1706.03762v5" }), "k");
    expect(modern).toContain("eprint = {1706.03762v5}");
    expect(modern).not.toContain("primaryClass");
  });
});

describe("CSL", () => {
  it("marks preprints as articles with the arXiv id in note", () => {
    expect(cslItem({ ...doc({ arxivId: "1706.03762" }), title: "T" }, "k")).toEqual({
      id: "k",
      type: "article",
      title: "T",
      URL: "https://arxiv.org/abs/1706.03762",
      note: "arXiv: 1706.03762",
      publisher: "arXiv",
      number: "1706.03762",
    });
  });
});

describe("duplicate titles", () => {
  it("compares only titles long enough to be specific", () => {
    expect(titleKey("Deep Learning")).toBeNull();
    expect(titleKey("Attention Is All You Need")).toBe("attention is all you need");
    expect(titleKey("Superconductivity-measurements")).toBe("superconductivity measurements");
  });
});
