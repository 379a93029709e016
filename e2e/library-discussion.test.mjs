// The library's discussion column in the browser: a highlight and a thread written elsewhere
// show up in the paper's row without a reload, resolving the thread clears "open", and a paper
// nobody has discussed says so in words for screen readers; "Recently discussed" sorts by it; a
// background tab re-reads only once it is shown again.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { makePaper } from "../scripts/make-pdf.mjs";
import { baseUrl, openBrowser, shot, signUpInPage, uploadParsed } from "./helpers.mjs";

const browsers = [];
after(async () => {
  await Promise.all(browsers.map((b) => b.close()));
});

const headers = { Origin: baseUrl };

async function post(page, path, data) {
  const res = await page.request.post(path, { headers, data });
  assert.ok(res.status() === 200 || res.status() === 201, `${path}: ${res.status()} ${await res.text()}`);
  return res.json();
}

test("discussion counts follow highlights and threads live", async () => {
  const browser = await openBrowser();
  browsers.push(browser);
  const { page } = browser;
  await signUpInPage(page, "Barbara McClintock");
  const { project } = await post(page, "/api/projects", { name: "Maize genetics" });
  const discussed = await uploadParsed(page, project.id, makePaper(2, "transposons"), "transposons.pdf");
  const quiet = await uploadParsed(page, project.id, makePaper(1, "quiet"), "rings.pdf");

  await page.goto(`/projects/${project.id}`);
  const cell = (doc) => page.locator(`tr[data-document-id="${doc.id}"] .doc-cell-discussion`);
  await cell(discussed).waitFor();
  for (const doc of [discussed, quiet]) {
    assert.match(await cell(doc).innerText(), /No highlights or comments yet/);
    assert.equal(await cell(doc).getByRole("link").count(), 0);
  }

  const { annotation } = await post(page, `/api/projects/${project.id}/documents/${discussed.id}/annotations`, {
    page: 1, quote: "Page 1", rects: [{ x: 0.1, y: 0.1, w: 0.2, h: 0.02 }], color: "yellow",
  });
  const { comment } = await post(page, `/api/projects/${project.id}/documents/${discussed.id}/comments`, { annotationId: annotation.id, body: "Does this hold for wheat?" });

  const link = cell(discussed).getByRole("link", { name: `1 highlight, 1 comment, 1 open thread on ${discussed.title}` });
  await link.waitFor({ timeout: 10_000 });
  assert.equal(await link.getAttribute("href"), `/projects/${project.id}/papers/${discussed.id}`);
  assert.match(await cell(quiet).innerText(), /No highlights or comments yet/);
  await shot(page, "37-library-discussion");

  // Newest first by default puts the quiet paper on top; "Recently discussed" puts the other there.
  const firstRow = () => page.locator("tr.doc-row").first().getAttribute("data-document-id");
  assert.equal(await firstRow(), quiet.id);
  await page.getByLabel("Sort by").selectOption("activity");
  assert.equal(await firstRow(), discussed.id);

  await post(page, `/api/projects/${project.id}/comments/${comment.id}/resolve`);
  await cell(discussed).getByRole("link", { name: `1 highlight, 1 comment on ${discussed.title}` }).waitFor({ timeout: 10_000 });
  assert.equal(await cell(discussed).locator(".doc-discussion-open").count(), 0);

  // A tab in the background does not re-read; it catches up as soon as it is shown again.
  const setVisibility = (state) =>
    page.evaluate((s) => {
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => s });
      document.dispatchEvent(new Event("visibilitychange"));
    }, state);
  await setVisibility("hidden");
  const reads = [];
  page.on("request", (req) => req.url().endsWith(`/api/projects/${project.id}/discussion`) && reads.push(req.url()));
  await post(page, `/api/projects/${project.id}/documents/${quiet.id}/comments`, { body: "Worth a second look." });
  await new Promise((r) => setTimeout(r, 1500)); // three times the column's refresh interval
  assert.equal(reads.length, 0, "a hidden tab does not ask for counts");
  await setVisibility("visible");
  await cell(quiet).getByRole("link", { name: `0 highlights, 1 comment, 1 open thread on ${quiet.title}` }).waitFor({ timeout: 10_000 });
  assert.equal(reads.length, 1);
});
