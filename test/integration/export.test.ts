// §Export through the real worker: BibTeX citekeys, escaping and author names; CSL-JSON shapes
// (checked against the CSL data schema's rules); which papers are exported; who may export.
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { addPaper } from "../helpers/annotations";
import { signUp } from "../helpers/client";
import { uploadPdf, waitForParse } from "../helpers/documents";
import { addMember, createProject, type Person } from "../helpers/project";

let owner: Person;
let viewer: Person;
let stranger: Person;

beforeAll(async () => {
  [owner, viewer, stranger] = await Promise.all([signUp("exporter"), signUp("exportviewer"), signUp("exportstranger")]);
});

const docPath = (projectId: string, id: string) => `/api/projects/${projectId}/documents/${id}`;

async function paper(projectId: string, metadata: Record<string, unknown>): Promise<string> {
  const id = await addPaper(owner.client, projectId, 1);
  const res = await owner.client.patch(docPath(projectId, id), metadata);
  expect(res.status).toBe(200);
  return id;
}

async function bib(person: Person, projectId: string, query = "") {
  const res = await person.client.fetch(`/api/projects/${projectId}/export.bib${query}`);
  return { status: res.status, headers: res.headers, text: new TextDecoder().decode(await res.arrayBuffer()) };
}

async function csl(person: Person, projectId: string, query = "") {
  const res = await person.client.fetch(`/api/projects/${projectId}/export.json${query}`);
  return { status: res.status, headers: res.headers, items: (await res.json()) as any[] };
}

/** Entry keys in file order. */
const keysOf = (text: string) => [...text.matchAll(/^@(\w+)\{([^,]+),$/gm)].map((m) => m[2]);

/** The body of `field` in the entry `key` (entries are one field per line). */
function field(text: string, key: string, name: string): string | undefined {
  const entry = text.split(/^(?=@)/m).find((e) => e.startsWith(`@`) && e.includes(`{${key},\n`));
  return entry ? new RegExp(`^  ${name} = \\{(.*)\\},?$`, "m").exec(entry)?.[1] : undefined;
}

/** Braces balance once escaped ones (\{ \}) are set aside. */
function balanced(text: string): boolean {
  let depth = 0;
  for (const ch of text.replace(/\\[{}]/g, "")) {
    if (ch === "{") depth++;
    if (ch === "}" && --depth < 0) return false;
  }
  return depth === 0;
}

// The CSL data schema's rules for what we emit (citation-style-language/schema, csl-data.json).
const cslName = z.union([
  z.object({ family: z.string(), given: z.string().optional(), "non-dropping-particle": z.string().optional(), suffix: z.string().optional() }).strict(),
  z.object({ literal: z.string() }).strict(),
]);
const cslItem = z
  .object({
    id: z.string(),
    type: z.enum(["article-journal", "article", "manuscript"]),
    title: z.string(),
    author: z.array(cslName).optional(),
    issued: z.object({ "date-parts": z.array(z.array(z.number()).min(1).max(3)).min(1).max(2) }).strict().optional(),
    DOI: z.string().optional(),
    URL: z.string().optional(),
    abstract: z.string().optional(),
    keyword: z.string().optional(),
    note: z.string().optional(),
    publisher: z.string().optional(),
    number: z.string().optional(),
  })
  .strict();

describe("export.bib", () => {
  let projectId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    projectId = await createProject(owner.client, "Füße & Friends: reading/group");
    await addMember(owner.client, projectId, viewer, "viewer");
    ids.vaswani = await paper(projectId, {
      title: "Attention Is All You Need",
      authors: ["Ashish Vaswani", "Noam Shazeer", "Niki Parmar"],
      year: 2017,
      doi: "10.5555/3295222.3295349",
      abstract: "The dominant sequence transduction models…",
      tags: ["transformers", "nlp"],
    });
    ids.smithOld = await paper(projectId, { title: "The Protein Folding Problem", authors: ["Smith, John"], year: 2020 });
    ids.smithNew = await paper(projectId, { title: "Protein folding, revisited", authors: ["Jane Smith"], year: 2020 });
    ids.special = await paper(projectId, {
      title: "Braces {x} & 100% $5 #1 a_b ~tilde ^hat \\back: BERT and LaTeX in 3D",
      authors: ["Vincent van der Berg", "Jürgen Müller", "John Doe Jr.", "CMS Collaboration", "Plato"],
      year: 2019,
      tags: ["c++ & co", "50%"],
    });
  });

  it("answers BibTeX with a file name from the project", async () => {
    const res = await bib(owner, projectId);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/x-bibtex; charset=utf-8");
    const disposition = res.headers.get("Content-Disposition")!;
    expect(disposition).toContain('attachment; filename="fusse-friends-reading-group.bib"');
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent("Füße & Friends: reading group.bib")}`);
    expect(balanced(res.text)).toBe(true);
  });

  it("builds citekeys from surname, year and the first significant title word, with stable suffixes", async () => {
    const before = await bib(owner, projectId);
    expect(keysOf(before.text)).toEqual(["vaswani2017attention", "smith2020protein", "smith2020proteina", "berg2019braces"]);

    // A newer paper with the same key base never takes a key from an older one.
    const newest = await paper(projectId, { title: "Protein design", authors: ["Adam Smith"], year: 2020 });
    const after = await bib(owner, projectId);
    expect(keysOf(after.text)).toEqual(["vaswani2017attention", "smith2020protein", "smith2020proteina", "berg2019braces", "smith2020proteinb"]);
    expect(after.text).toContain(`@misc{smith2020proteinb,`);

    // Missing parts fall back: no author → anon, no year → nd.
    const bare = await paper(projectId, { title: "On a Nameless Note", authors: [], year: null });
    expect(keysOf((await bib(owner, projectId)).text)).toContain("anon" + "nd" + "nameless");
    for (const id of [newest, bare]) expect((await owner.client.delete(docPath(projectId, id))).status).toBe(204);
  });

  it("escapes LaTeX specials, protects capitals and writes names as BibTeX expects", async () => {
    const { text } = await bib(owner, projectId);
    expect(field(text, "berg2019braces", "title")).toBe(
      "Braces \\{x\\} \\& 100\\% \\$5 \\#1 a\\_b \\textasciitilde{}tilde \\textasciicircum{}hat \\textbackslash{}back: {BERT} and {LaTeX} in {3D}",
    );
    expect(field(text, "berg2019braces", "author")).toBe("van der Berg, Vincent and Müller, Jürgen and Doe, Jr., John and {CMS Collaboration} and {Plato}");
    expect(field(text, "berg2019braces", "keywords")).toBe("c++ \\& co, 50\\%");
    expect(field(text, "vaswani2017attention", "author")).toBe("Vaswani, Ashish and Shazeer, Noam and Parmar, Niki");
    expect(field(text, "smith2020protein", "author")).toBe("Smith, John");
  });

  it("uses @article with a DOI and @misc without one", async () => {
    // arXiv ids come only from parsing (PATCH does not take them): eprint fields are unit-tested.
    const arxiv = await paper(projectId, { title: "Deep Residual Learning", authors: ["Kaiming He"], year: 2015 });
    const { text } = await bib(owner, projectId);
    expect(text).toContain("@article{vaswani2017attention,");
    expect(field(text, "vaswani2017attention", "doi")).toBe("10.5555/3295222.3295349");
    expect(field(text, "vaswani2017attention", "url")).toBe("https://doi.org/10.5555/3295222.3295349");
    expect(field(text, "vaswani2017attention", "year")).toBe("2017");
    expect(field(text, "vaswani2017attention", "abstract")).toBe("The dominant sequence transduction models…");
    expect(field(text, "vaswani2017attention", "keywords")).toBe("transformers, nlp");
    expect(text).toContain("@misc{he2015deep,");
    expect(field(text, "he2015deep", "url")).toBeUndefined();
    expect((await owner.client.delete(docPath(projectId, arxiv))).status).toBe(204);
  });

  it("exports parsed papers and hand-titled ones, never a failed paper without a title", async () => {
    const broken = await uploadPdf(owner.client, projectId, new TextEncoder().encode("%PDF-1.4\nnot really a pdf\n%%EOF\n"), "Broken scan.pdf");
    expect(broken.status).toBe(201);
    const failed = await waitForParse(owner.client, projectId, broken.body.document.id);
    expect(failed.status).toBe("failed");
    expect(keysOf((await bib(owner, projectId)).text)).toHaveLength(4);
    expect((await csl(owner, projectId)).items).toHaveLength(4);

    await owner.client.patch(docPath(projectId, failed.id), { title: "Typed In By Hand" });
    expect(keysOf((await bib(owner, projectId)).text)).toContain("anonndtyped");
    expect((await csl(owner, projectId)).items.map((i) => i.id)).toContain("anonndtyped");
    expect((await owner.client.delete(docPath(projectId, failed.id))).status).toBe(204);
  });

  it("exports a subset with ?ids= under the same keys", async () => {
    const { text } = await bib(owner, projectId, `?ids=${ids.smithNew},${ids.vaswani}`);
    expect(keysOf(text)).toEqual(["vaswani2017attention", "smith2020proteina"]);
    const { items } = await csl(owner, projectId, `?ids=${ids.smithNew}`);
    expect(items.map((i) => i.id)).toEqual(["smith2020proteina"]);
  });

  it("lets a viewer export and hides the project from non-members", async () => {
    expect((await bib(viewer, projectId)).status).toBe(200);
    expect((await csl(viewer, projectId)).status).toBe(200);
    const outsider = await bib(stranger, projectId);
    expect(outsider.status).toBe(404);
    expect(JSON.parse(outsider.text).error.code).toBe("not_found");
    expect((await csl(stranger, projectId)).status).toBe(404);
  });
});

describe("export.json (CSL-JSON)", () => {
  it("gives one schema-valid item per titled paper, keyed like the BibTeX", async () => {
    const projectId = await createProject(owner.client, "CSL");
    const vaswani = await paper(projectId, {
      title: "Attention Is All You Need",
      authors: ["Ashish Vaswani", "Vincent van der Berg", "John Doe Jr.", "CMS Collaboration"],
      year: 2017,
      doi: "10.5555/3295222.3295349",
      abstract: "An abstract.",
      tags: ["a", "b"],
    });
    await paper(projectId, { title: "A Manuscript", authors: ["Ada Lovelace"], year: 1843 });

    const res = await csl(owner, projectId);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("application/vnd.citationstyles.csl+json");
    expect(res.items).toHaveLength(2);
    for (const item of res.items) expect(cslItem.safeParse(item).error).toBeUndefined();
    const [first, second] = res.items;
    expect(first).toEqual({
      id: "vaswani2017attention",
      type: "article-journal",
      title: "Attention Is All You Need",
      author: [
        { family: "Vaswani", given: "Ashish" },
        { family: "Berg", given: "Vincent", "non-dropping-particle": "van der" },
        { family: "Doe", given: "John", suffix: "Jr." },
        { literal: "CMS Collaboration" },
      ],
      issued: { "date-parts": [[2017]] },
      DOI: "10.5555/3295222.3295349",
      URL: "https://doi.org/10.5555/3295222.3295349",
      abstract: "An abstract.",
      keyword: "a, b",
    });
    expect(second).toMatchObject({ id: "lovelace1843manuscript", type: "manuscript", issued: { "date-parts": [[1843]] } });
    expect(second.DOI).toBeUndefined();

    const { text } = await bib(owner, projectId);
    expect(keysOf(text)).toEqual(res.items.map((i) => i.id));
    expect(vaswani).toBeTruthy();
  });
});
