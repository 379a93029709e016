// §Export against the real dev server, no browser: BibTeX round-trips through a BibTeX parser
// from npm (keys, titles, authors, DOIs come back as entered), and CSL-JSON is accepted by
// citeproc (citation-js renders an APA bibliography naming every title and author).
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-csl";
import { parse as parseBibtex } from "@retorquere/bibtex-parser";
import { makePaper } from "../scripts/make-pdf.mjs";
import { baseUrl, uniqueEmail } from "./helpers.mjs";

let cookie = "";

async function api(method, path, { json, body, headers = {} } = {}) {
  const res = await fetch(baseUrl + path, {
    method,
    headers: { Cookie: cookie, Origin: baseUrl, ...(json !== undefined ? { "Content-Type": "application/json" } : {}), ...headers },
    body: json !== undefined ? JSON.stringify(json) : body,
  });
  const session = res.headers.getSetCookie().map((c) => /^sk_session=([^;]*)/.exec(c)?.[1]).find((v) => v);
  if (session) cookie = `sk_session=${session}`;
  return res;
}

async function ok(res, status = 200) {
  const text = await res.text();
  assert.equal(res.status, status, text);
  return text ? JSON.parse(text) : null;
}

async function waitParsed(projectId, id) {
  for (let i = 0; i < 300; i++) {
    const { document } = await ok(await api("GET", `/api/projects/${projectId}/documents/${id}`));
    if (document.status === "parsed") return document;
    assert.notEqual(document.status, "failed", JSON.stringify(document.error));
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`paper ${id} not parsed in time`);
}

// Tricky metadata: LaTeX specials, accents, particles, suffixes, an organisation, and two papers
// with the same first-author surname, year and first title word (a citekey collision).
const papers = [
  {
    key: "berg2021uber",
    meta: {
      title: "Über {Braces} & 100% $x$ #1 a_b ~tilde ^hat \\back in BERT and LaTeX",
      authors: ["Vincent van der Berg", "José Ñúñez-García", "John Doe Jr.", "CMS Collaboration"],
      year: 2021,
      doi: "10.1000/xyz_1%2#3",
      abstract: "Résumé with $math$, 50% & {braces}.",
      // Tags without LaTeX specials: this parser reads keywords verbatim (JabRef's convention),
      // while we escape them like any text for biblatex's sake (see the integration test).
      tags: ["naïve bayes", "deep learning"],
    },
    creators: [
      { lastName: "Berg", firstName: "Vincent", prefix: "van der" },
      { lastName: "Ñúñez-García", firstName: "José" },
      { lastName: "Doe", firstName: "John", suffix: "Jr." },
      { name: "CMS Collaboration" },
    ],
  },
  {
    key: "smith2020attention",
    meta: { title: "Attention Models Revisited", authors: ["Smith, Jane"], year: 2020, tags: [] },
    creators: [{ lastName: "Smith", firstName: "Jane" }],
  },
  {
    key: "smith2020attentiona",
    meta: { title: "Attention in Practice: A Field Guide", authors: ["Adam Smith", "Ada Lovelace"], year: 2020, doi: "10.5555/guide.2020" },
    creators: [
      { lastName: "Smith", firstName: "Adam" },
      { lastName: "Lovelace", firstName: "Ada" },
    ],
  },
];

describe("export", () => {
  let projectId;
  const ids = [];

  before(async () => {
    await ok(await api("POST", "/api/auth/signup", { json: { email: uniqueEmail("export"), password: "correct horse battery", name: "Export Tester" } }), 201);
    projectId = (await ok(await api("POST", "/api/projects", { json: { name: "Export: Ça va?" } }), 201)).project.id;
    // Uploaded in order, each parsed before the next, so createdAt orders them as listed.
    for (const [i, paper] of papers.entries()) {
      const upload = await ok(
        await api("POST", `/api/projects/${projectId}/documents`, {
          body: makePaper(1, `export-${i}-${Date.now()}`),
          headers: { "Content-Type": "application/pdf", "X-Filename": encodeURIComponent(`paper ${i}.pdf`) },
        }),
        201,
      );
      await waitParsed(projectId, upload.document.id);
      await ok(await api("PATCH", `/api/projects/${projectId}/documents/${upload.document.id}`, { json: paper.meta }));
      ids.push(upload.document.id);
      await new Promise((r) => setTimeout(r, 5)); // distinct createdAt
    }
  });

  it("BibTeX round-trips through @retorquere/bibtex-parser", async () => {
    const res = await api("GET", `/api/projects/${projectId}/export.bib`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-type"), "application/x-bibtex; charset=utf-8");
    assert.match(res.headers.get("content-disposition"), /^attachment; filename="export-ca-va\.bib"/);
    const bib = await res.text();
    const parsed = parseBibtex(bib, { sentenceCase: false });
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(
      parsed.entries.map((e) => e.key),
      papers.map((p) => p.key),
    );
    for (const [i, paper] of papers.entries()) {
      const entry = parsed.entries[i];
      assert.equal(entry.type, paper.meta.doi ? "article" : "misc");
      assert.equal(entry.fields.title, paper.meta.title, `title of ${paper.key}`);
      assert.deepEqual(entry.fields.author, paper.creators, `authors of ${paper.key}`);
      assert.equal(entry.fields.year, String(paper.meta.year));
      assert.equal(entry.fields.doi, paper.meta.doi);
      if (paper.meta.abstract) assert.equal(entry.fields.abstract, paper.meta.abstract);
      // The parser hands keywords back sorted.
      assert.deepEqual(entry.fields.keywords ?? [], [...(paper.meta.tags ?? [])].sort());
    }
    // A subset keeps the keys of the whole.
    const subset = parseBibtex(await (await api("GET", `/api/projects/${projectId}/export.bib?ids=${ids[2]}`)).text(), { sentenceCase: false });
    assert.deepEqual(
      subset.entries.map((e) => e.key),
      ["smith2020attentiona"],
    );
  });

  it("CSL-JSON is accepted by citeproc (citation-js renders APA from it)", async () => {
    const res = await api("GET", `/api/projects/${projectId}/export.json`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type"), /^application\/vnd\.citationstyles\.csl\+json/);
    const items = await res.json();
    assert.deepEqual(
      items.map((i) => i.id),
      papers.map((p) => p.key),
    );
    const cite = await Cite.async(items, { forceType: "@csl/list+object" });
    const apa = cite.format("bibliography", { format: "text", template: "apa", lang: "en-US" });
    for (const paper of papers) {
      assert.ok(apa.includes(paper.meta.title), `APA names "${paper.meta.title}":\n${apa}`);
      for (const creator of paper.creators) assert.ok(apa.includes(creator.lastName ?? creator.name), `APA names ${creator.lastName ?? creator.name}:\n${apa}`);
    }
    assert.ok(apa.includes("van der Berg, V."), apa);
    assert.ok(apa.includes("https://doi.org/10.5555/guide.2020"), apa);
  });
});
