// Library extras in the browser: two papers given the same DOI → the newer is flagged as a
// possible duplicate → Merge leaves one row with both papers' tags; a tag added in the row
// filters the library (?tag=); Export → BibTeX downloads a file naming the paper's citekey.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, test } from "node:test";
import { makePaper } from "../scripts/make-pdf.mjs";
import { baseUrl, openBrowser, shot, uniqueEmail, uploadParsed } from "./helpers.mjs";

const browsers = [];
after(async () => {
  await Promise.all(browsers.map((b) => b.close()));
});

const headers = { Origin: baseUrl };

const upload = async (page, projectId, label, title) => (await uploadParsed(page, projectId, makePaper(2, label, { title }), `${label}.pdf`)).id;

async function patch(page, projectId, id, data) {
  const res = await page.request.patch(`/api/projects/${projectId}/documents/${id}`, { headers, data });
  assert.equal(res.status(), 200, await res.text());
  return (await res.json()).document;
}

test("duplicate → merge, tag → filter, export BibTeX", async () => {
  const browser = await openBrowser();
  browsers.push(browser);
  const { page } = browser;
  const signup = await page.request.post("/api/auth/signup", { headers, data: { email: uniqueEmail("extras"), password: "correct horse battery", name: "Ada Yonath" } });
  assert.equal(signup.status(), 201, await signup.text());
  const created = await page.request.post("/api/projects", { headers, data: { name: "Ribosome reading group" } });
  assert.equal(created.status(), 201, await created.text());
  const project = (await created.json()).project;

  const older = await upload(page, project.id, "alpha", "Attention mechanisms in ribosome assembly");
  await patch(page, project.id, older, { title: "Attention mechanisms in ribosome assembly", doi: "10.5555/ribo.2017.1", tags: ["structure"], authors: ["Ashish Vaswani"], year: 2017 });
  const newer = await upload(page, project.id, "beta", "Ribosome assembly, preprint version");
  const other = await upload(page, project.id, "gamma", "Peptidyl transferase centre dynamics");
  await patch(page, project.id, other, { title: "Peptidyl transferase centre dynamics", authors: ["Venki Ramakrishnan"], year: 2009 });
  const flagged = await patch(page, project.id, newer, { title: "Ribosome assembly, preprint version", doi: "10.5555/RIBO.2017.1", tags: ["preprint"] });
  assert.deepEqual(flagged.duplicateOf && { id: flagged.duplicateOf.id, reason: flagged.duplicateOf.reason }, { id: older, reason: "doi" });

  await page.goto(`/projects/${project.id}`);
  const rows = page.locator("tr.doc-row");
  await rows.first().waitFor();
  assert.equal(await rows.count(), 3);

  // The newer paper carries the notice, naming the older one and why, with a link to it.
  const newerRow = page.locator(`tr[data-document-id="${newer}"]`);
  const notice = newerRow.getByTestId("duplicate-notice");
  await notice.waitFor();
  assert.match(await notice.innerText(), /Possible duplicate of Attention mechanisms in ribosome assembly · same DOI/);
  assert.equal(await notice.getByRole("link").getAttribute("href"), `/projects/${project.id}/papers/${older}`);
  assert.equal(await page.getByTestId("duplicate-notice").count(), 1, "only the newer paper is flagged");
  await shot(page, "30-library-duplicate");
  await page.emulateMedia({ colorScheme: "dark" });
  await shot(page, "31-library-duplicate-dark");
  await page.emulateMedia({ colorScheme: "light" });

  // Merge asks first and says what happens.
  await notice.getByRole("button", { name: "Merge…" }).click();
  const dialog = page.getByRole("alertdialog").or(page.getByRole("dialog"));
  await dialog.getByText(/keeps the older paper/).waitFor();
  await shot(page, "32-merge-confirm");
  await dialog.getByRole("button", { name: "Merge papers" }).click();
  await newerRow.waitFor({ state: "detached" });
  assert.equal(await rows.count(), 2);
  const olderRow = page.locator(`tr[data-document-id="${older}"]`);
  await olderRow.locator('.tag[data-tag="preprint"]').waitFor();
  await olderRow.locator('.tag[data-tag="structure"]').waitFor();
  const merged = (await (await page.request.get(`/api/projects/${project.id}/documents/${older}`)).json()).document;
  assert.deepEqual([...merged.tags].sort(), ["preprint", "structure"]);
  assert.equal((await page.request.get(`/api/projects/${project.id}/documents/${newer}`)).status(), 404);

  // Add a tag in the row, then filter the library by it.
  await olderRow.getByRole("button", { name: /Add a tag to/ }).click();
  const tagInput = olderRow.getByRole("textbox", { name: /New tag for/ });
  await tagInput.fill("journal-club");
  await tagInput.press("Enter");
  await olderRow.locator('.tag[data-tag="journal-club"]').waitFor();
  for (let i = 0; i < 50; i++) {
    const doc = (await (await page.request.get(`/api/projects/${project.id}/documents/${older}`)).json()).document;
    if (doc.tags.includes("journal-club")) break;
    assert.ok(i < 49, "the tag was saved");
    await new Promise((r) => setTimeout(r, 100));
  }

  const tagFilter = page.getByRole("group", { name: "Filter by tag" });
  const listed = page.waitForRequest((req) => new URL(req.url()).pathname === `/api/projects/${project.id}/documents` && new URL(req.url()).searchParams.get("tag") === "journal-club");
  await tagFilter.getByRole("button", { name: "journal-club" }).click();
  await listed;
  await page.locator(`tr[data-document-id="${other}"]`).waitFor({ state: "detached" });
  assert.equal(await rows.count(), 1);
  assert.equal(await tagFilter.getByRole("button", { name: "journal-club" }).getAttribute("aria-pressed"), "true");
  await shot(page, "33-library-tag-filter");
  await page.emulateMedia({ colorScheme: "dark" });
  await shot(page, "34-library-tag-filter-dark");
  await page.emulateMedia({ colorScheme: "light" });
  await tagFilter.getByRole("button", { name: "Show all" }).click();
  await page.locator(`tr[data-document-id="${other}"]`).waitFor();

  // Export → BibTeX: a real download of every paper, keyed as the server keys them.
  await page.getByRole("button", { name: "Export all papers" }).click();
  await shot(page, "35-export-menu");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: /BibTeX/ }).click()]);
  const bib = await readFile(await download.path(), "utf8");
  assert.match(download.suggestedFilename(), /\.bib$/);
  assert.match(bib, /@article\{vaswani2017attention,/);
  assert.match(bib, /@misc\{ramakrishnan2009peptidyl,/);

  // With one row selected, the export is of that paper alone.
  await olderRow.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Export 1 selected paper" }).click();
  const href = await page.getByRole("menuitem", { name: /BibTeX/ }).getAttribute("href");
  assert.equal(href, `/api/projects/${project.id}/export.bib?ids=${older}`);
  const subset = await (await page.request.get(href)).text();
  assert.match(subset, /vaswani2017attention/);
  assert.doesNotMatch(subset, /ramakrishnan/);
  await page.keyboard.press("Escape");

  // The reader's details panel edits tags too.
  await page.goto(`/projects/${project.id}/papers/${older}`);
  await page.getByRole("button", { name: "Paper details" }).click();
  const metaTags = page.locator(".meta-tags");
  await metaTags.locator('.tag[data-tag="journal-club"]').waitFor();
  await metaTags.getByRole("button", { name: /Remove tag preprint/ }).click();
  await metaTags.locator('.tag[data-tag="preprint"]').waitFor({ state: "detached" });
  await shot(page, "36-reader-tags");
});
