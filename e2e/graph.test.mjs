// The citation graph in the browser: two papers of a project that cite each other show as two
// nodes joined by arrows; hover names a paper, Enter on a focused node opens it in the reader,
// whose details panel lists its references with the link back. One signup.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { makePdf } from "../scripts/make-pdf.mjs";
import { LOUD_DOI, LOUD_TITLE, loudPages, QUIET_TITLE, quietPages } from "../test/fixtures/citing-papers.mjs";
import { baseUrl, openBrowser, shot, uniqueEmail, uploadParsed } from "./helpers.mjs";

const browsers = [];
after(async () => {
  await Promise.all(browsers.map((b) => b.close()));
});

const headers = { Origin: baseUrl };

test("the citation graph shows two papers citing each other, and opens one", async () => {
  const browser = await openBrowser();
  browsers.push(browser);
  const { page } = browser;
  const signup = await page.request.post("/api/auth/signup", { headers, data: { email: uniqueEmail("graph"), password: "correct horse battery", name: "Ada Lovelace" } });
  assert.equal(signup.status(), 201, await signup.text());
  const created = await page.request.post("/api/projects", { headers, data: { name: "Lattice reading group" } });
  const project = (await created.json()).project;

  // An empty project first: the graph says so in words.
  await page.goto(`/projects/${project.id}/graph`);
  await page.getByRole("heading", { name: "No citations between papers of this project yet" }).waitFor();
  await shot(page, "60-graph-empty");

  const quiet = (await uploadParsed(page, project.id, makePdf(quietPages, { title: QUIET_TITLE }), "quiet.pdf")).id;
  const loud = (await uploadParsed(page, project.id, makePdf(loudPages, { title: LOUD_TITLE }), "loud.pdf")).id;
  for (const [id, patch] of [
    [quiet, { title: QUIET_TITLE, authors: ["Amelia Bell", "Carl Dorn"], year: 2019 }],
    [loud, { title: LOUD_TITLE, authors: ["Iris Ives"], year: 2021, doi: LOUD_DOI }],
  ]) {
    const res = await page.request.patch(`/api/projects/${project.id}/documents/${id}`, { headers, data: patch });
    assert.equal(res.status(), 200, await res.text());
  }

  // The top bar leads to the graph.
  await page.goto(`/projects/${project.id}`);
  await page.getByRole("link", { name: "Citation graph" }).click();
  await page.waitForURL(`**/projects/${project.id}/graph`);
  const nodes = page.locator(".graph-node");
  await nodes.first().waitFor();
  assert.equal(await nodes.count(), 2);
  assert.equal(await page.locator("svg.graph-svg path.graph-edge[d^='M']").count(), 2, "one arrow each way");
  await page.getByText("2 papers · 2 citations between them").waitFor();
  // The most cited papers carry labels without hovering.
  await page.locator(".graph-label", { hasText: "Quiet Lattices" }).waitFor();
  await shot(page, "61-graph");

  // Hover shows title, authors and year.
  const quietNode = page.getByRole("link", { name: new RegExp(`^${QUIET_TITLE}`) });
  await quietNode.locator(".graph-node-dot").hover();
  const tooltip = page.getByRole("tooltip");
  await tooltip.getByText(QUIET_TITLE).waitFor();
  assert.match(await tooltip.innerText(), /Amelia Bell, Carl Dorn · 2019/);
  assert.match(await tooltip.innerText(), /Cited by 1 paper here · cites 1/);
  await shot(page, "62-graph-hover");

  // Keyboard: zoom, then Tab to a paper and open it with Enter.
  await page.getByRole("button", { name: "Zoom in" }).click();
  await page.getByRole("button", { name: "Fit", exact: true }).click();
  await quietNode.focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(`**/projects/${project.id}/papers/${quiet}*`);

  // The reader's details panel (reached in-app, no reload): references with the link to Loud, and "cited by" Loud.
  await page.getByRole("button", { name: "Paper details" }).click();
  const refs = page.getByRole("region", { name: "References and citations in this project" });
  await refs.getByRole("link", { name: LOUD_TITLE }).waitFor(); // cited by
  await refs.getByText("Lattices that shout").waitFor();
  assert.equal(await refs.getByRole("link", { name: /a paper in this project/ }).count(), 1);
  await refs.scrollIntoViewIfNeeded();
  await shot(page, "63-reader-references");

  // Dark mode follows the system.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(`/projects/${project.id}/graph`);
  await nodes.first().waitFor();
  await shot(page, "64-graph-dark");
});
