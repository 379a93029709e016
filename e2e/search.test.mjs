// Search from the top bar: results appear as you type, grouped by paper with <mark>ed matches;
// HTML in a page's text shows literally; a hit opens the reader at its page.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { makePaper, makePdf } from "../scripts/make-pdf.mjs";
import { baseUrl, openBrowser, shot, uniqueEmail } from "./helpers.mjs";

const browsers = [];
after(async () => {
  await Promise.all(browsers.map((b) => b.close()));
});

test("top-bar search: instant results, marks, literal HTML, opens the reader at the page", async () => {
  const browser = await openBrowser();
  browsers.push(browser);
  const { page } = browser;
  const headers = { Origin: baseUrl };
  const signup = await page.request.post("/api/auth/signup", { headers, data: { email: uniqueEmail("search"), password: "correct horse battery", name: "Barbara McClintock" } });
  assert.equal(signup.status(), 201, await signup.text());
  const project = (await (await page.request.post("/api/projects", { headers, data: { name: "Maize genetics" } })).json()).project;

  const papers = [
    ["transposons.pdf", makePdf(["Controlling elements in maize.", "Page two mentions transposition and jumping genes.", "Nothing here."], { title: "Controlling elements in maize" })],
    ["markup.pdf", makePdf(["On escaping markup", "The literal text <b>x</b> must not become bold, transposition aside."], { title: "On escaping markup" })],
    ["other.pdf", makePaper(3, "kernel", { title: "Kernel colour inheritance" })],
  ];
  const ids = [];
  for (const [name, bytes] of papers) {
    const res = await page.request.post(`/api/projects/${project.id}/documents`, {
      headers: { ...headers, "Content-Type": "application/pdf", "X-Filename": name },
      data: Buffer.from(bytes),
    });
    assert.equal(res.status(), 201, await res.text());
    ids.push((await res.json()).document.id);
  }
  for (const id of ids) {
    for (let i = 0; i < 120; i++) {
      const doc = (await (await page.request.get(`/api/projects/${project.id}/documents/${id}`)).json()).document;
      if (doc.status === "parsed") break;
      assert.notEqual(doc.status, "failed");
      await page.waitForTimeout(250);
    }
  }

  await page.goto(`/projects/${project.id}`);
  await page.locator("tr.doc-row").first().waitFor();
  // `/` focuses the box; typing goes to the search page and results follow the keystrokes.
  await page.keyboard.press("/");
  const box = page.getByRole("searchbox", { name: "Search this project" });
  assert.equal(await box.evaluate((el) => el === document.activeElement), true);
  await page.keyboard.type("transpo", { delay: 40 });
  await page.waitForURL(`**/projects/${project.id}/search?q=*`);
  const results = page.locator(".search-results");
  await results.locator("mark").first().waitFor();
  assert.match(page.url(), /q=transpo/);
  assert.equal(await results.locator(".search-group").count(), 2, "grouped by paper");
  await page.keyboard.type("sition");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("q") === "transposition");
  const markup = results.locator(".search-group", { hasText: "On escaping markup" });
  await markup.getByText("<b>x</b>", { exact: false }).waitFor();
  assert.equal(await markup.locator(".search-hit-snippet b").count(), 0, "no markup from page text");
  assert.match(await markup.locator(".search-hit-snippet").first().innerText(), /<b>x<\/b>/);
  // Results follow the newest query: the whole word is marked now, not the earlier prefix.
  await results.locator("mark", { hasText: /^transposition$/i }).first().waitFor();
  await shot(page, "70-search-results");

  // No matches: the hint about the syntax.
  await box.fill("zzzyxq");
  await page.getByText("No matches for “zzzyxq”").waitFor();
  await shot(page, "71-search-empty");
  await page.emulateMedia({ colorScheme: "dark" });
  await box.fill("transposition");
  await results.locator("mark").first().waitFor();
  await page.waitForTimeout(300);
  await shot(page, "72-search-dark");
  await page.emulateMedia({ colorScheme: "light" });

  // Arrow down to the first hit, then click the one on page 2 of the maize paper.
  await box.focus();
  await page.keyboard.press("ArrowDown");
  await results.locator(".search-hit.active").waitFor();
  const hit = results.locator(".search-group", { hasText: "Controlling elements in maize" }).locator(".search-hit", { hasText: "p. 2" });
  await hit.click();
  await page.waitForURL(`**/projects/${project.id}/papers/${ids[0]}?page=2*`);
  await page.locator('.pdf-page[data-page="2"] .textLayer span', { hasText: "jumping genes" }).waitFor();
  await page.locator('.pdf-page[data-page="2"] .find-hit, .pdf-page[data-page="2"] [class*="find"]').first().waitFor();
  await shot(page, "73-search-opened-reader");
});
