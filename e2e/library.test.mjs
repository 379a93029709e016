// The library's browser journey: upload three papers through the picker, watch each move to
// "Parsed" live (no polling), read one's text; a non-PDF and a duplicate say so in words; a
// broken PDF shows its failure reason; a dropped socket resumes and catches up.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { makePaper } from "../scripts/make-pdf.mjs";
import { baseUrl, openBrowser, shot, uniqueEmail } from "./helpers.mjs";

const browsers = [];
after(async () => {
  await Promise.all(browsers.map((b) => b.close()));
});

const pdf = (name, bytes) => ({ name, mimeType: "application/pdf", buffer: Buffer.from(bytes) });

async function signUpWithProject(page, projectName) {
  const headers = { Origin: baseUrl };
  const signup = await page.request.post("/api/auth/signup", { headers, data: { email: uniqueEmail("lib"), password: "correct horse battery", name: "Rosalind Franklin" } });
  assert.equal(signup.status(), 201, await signup.text());
  const created = await page.request.post("/api/projects", { headers, data: { name: projectName } });
  assert.equal(created.status(), 201, await created.text());
  return (await created.json()).project;
}

test("upload three papers, watch each move to parsed live, open one's text", async () => {
  const browser = await openBrowser();
  browsers.push(browser);
  const { page } = browser;
  const project = await signUpWithProject(page, "Structural biology journal club");

  const listRequests = [];
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (req.method() === "GET" && url.pathname === `/api/projects/${project.id}/documents`) listRequests.push(url.search);
  });

  await page.goto(`/projects/${project.id}`);
  await page.getByRole("heading", { name: "No papers yet" }).waitFor();
  await page.getByText("Drop PDFs anywhere on this page").waitFor();
  await shot(page, "20-library-empty");

  const started = Date.now();
  const input = page.getByTestId("upload-input");
  await input.setInputFiles([
    pdf("alpha-helix-packing.pdf", makePaper(4, "alpha", { title: "Alpha helix packing in membrane proteins" })),
    pdf("beta-sheet-registry.pdf", makePaper(60, "beta", { title: "Beta sheet registry shifts" })),
    pdf("gamma-turns.pdf", makePaper(150, "gamma", { title: "Gamma turns revisited" })),
  ]);

  const tray = page.getByRole("region", { name: "Uploads" });
  await tray.waitFor();
  const rows = page.locator("tr.doc-row");
  for (const label of ["alpha", "beta", "gamma"]) {
    const row = rows.filter({ hasText: new RegExp(label, "i") });
    await row.locator(".chip", { hasText: "Parsed" }).waitFor({ timeout: 60_000 });
  }
  const parsedAfter = Date.now() - started;
  await tray.getByText("Uploads done").waitFor();
  await shot(page, "21-library-parsed-with-tray");
  console.log(`three uploads parsed and shown live in ${parsedAfter} ms`);

  // Live, not polled: the list was fetched once, when the page opened.
  assert.equal(listRequests.length, 1, `GET /documents made ${listRequests.length} times: ${listRequests.join(", ")}`);
  assert.match(await rows.filter({ hasText: /beta/i }).innerText(), /60 pages/);

  // Read the text of one paper, page by page.
  await page.getByRole("button", { name: /View text of .*alpha/i }).click();
  const dialog = page.getByRole("dialog");
  const pageText = dialog.locator(".text-page-body");
  await pageText.getByText("Page 1 of the alpha paper.").waitFor();
  await shot(page, "22-text-dialog");
  await dialog.getByRole("button", { name: "Next page" }).click();
  await pageText.getByText("Page 2 of the alpha paper.").waitFor();
  assert.match(await dialog.locator(".text-pager-label").innerText(), /Page 2 of 4/);
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });

  // A file that only claims to be a PDF, a plain-text file, and the same paper again.
  await input.setInputFiles([
    { name: "notes.pdf", mimeType: "application/pdf", buffer: Buffer.from("These are my notes, not a PDF.") },
    { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("plain text") },
    pdf("alpha-again.pdf", makePaper(4, "alpha", { title: "Alpha helix packing in membrane proteins" })),
  ]);
  await tray.getByText("This file is not a PDF, so it was not added.").waitFor();
  await tray.getByText("Not a PDF. Only PDF files can be added to the library.").waitFor();
  const duplicate = tray.locator(".tray-item", { hasText: "alpha-again.pdf" });
  await duplicate.getByText("Already in this project").waitFor();
  await duplicate.getByRole("link", { name: /open/i }).waitFor();
  assert.equal(await rows.count(), 3, "a duplicate adds no row");

  // A PDF that cannot be read ends as a failed row with the reason in words.
  await input.setInputFiles([pdf("broken-scan.pdf", new TextEncoder().encode("%PDF-1.7\n1 0 obj garbage without end"))]);
  const broken = rows.filter({ hasText: "broken-scan.pdf" });
  await broken.locator(".chip-failed").waitFor({ timeout: 30_000 });
  assert.match(await broken.locator(".status").innerText(), /Reparse/);
  await shot(page, "23-library-failed-chip");

  // Drag and drop: the overlay names the project; dropping uploads.
  const dataTransfer = await page.evaluateHandle((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], "dropped-delta.pdf", { type: "application/pdf" }));
    return dt;
  }, [...makePaper(3, "delta")]);
  await page.dispatchEvent("main", "dragenter", { dataTransfer });
  await page.getByText("Drop to upload to").waitFor();
  await shot(page, "25-drop-overlay");
  await page.dispatchEvent("main", "drop", { dataTransfer });
  await page.getByText("Drop to upload to").waitFor({ state: "detached" });
  await rows.filter({ hasText: /delta/i }).locator(".chip", { hasText: "Parsed" }).waitFor({ timeout: 30_000 });

  await tray.getByRole("button", { name: "Clear" }).click();
  await tray.waitFor({ state: "detached" });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.waitForTimeout(300); // let the colour transitions finish
  await shot(page, "24-library-dark");
  await page.emulateMedia({ colorScheme: "light" });
  assert.equal(listRequests.length, 1, "still no polling");

  // In-app navigation from a row's title into the reader shows the paper, not a lasting skeleton.
  await rows.filter({ hasText: /alpha/i }).first().locator("a.doc-title").click();
  await page.waitForURL(`**/projects/${project.id}/papers/*`);
  await page.locator('.pdf-page[data-page="1"] .textLayer span', { hasText: "Page 1 of the alpha paper." }).waitFor();
  assert.equal(await page.getByRole("status", { name: "Loading paper" }).count(), 0);
});

test("a dropped connection resumes and catches up; the tray shows progress mid-upload", async () => {
  const browser = await openBrowser();
  browsers.push(browser);
  const { page, context } = browser;
  const project = await signUpWithProject(page, "Reconnect lab");
  await page.goto(`/projects/${project.id}`);
  await page.getByRole("heading", { name: "No papers yet" }).waitFor();
  await page.waitForFunction(() => document.querySelector(".conn-pill") === null);

  // Drop the socket; a paper added meanwhile (by a script, outside the page) must appear after reconnecting.
  await context.setOffline(true);
  await page.getByText("Reconnecting…").waitFor();
  await shot(page, "26-reconnecting");
  const res = await page.request.post(`/api/projects/${project.id}/documents`, {
    headers: { Origin: baseUrl, "Content-Type": "application/pdf", "X-Filename": "added-while-offline.pdf" },
    data: Buffer.from(makePaper(2, "offline", { title: "Added while you were away" })),
  });
  assert.equal(res.status(), 201);
  await context.setOffline(false);
  const row = page.locator("tr.doc-row", { hasText: /added while you were away|added-while-offline/i });
  await row.locator(".chip", { hasText: "Parsed" }).waitFor({ timeout: 30_000 });
  await page.getByText("Reconnecting…").waitFor({ state: "detached" });

  // Slow the upload link so the tray can be seen mid-upload.
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 400 * 1024 });
  await page.getByTestId("upload-input").setInputFiles([
    pdf("big-cryo-em-survey.pdf", makePaper(8, "cryo", { title: "A survey of cryo-EM", paddingBytes: 3 * 1024 * 1024 })),
    pdf("folding-kinetics.pdf", makePaper(5, "kinetics", { paddingBytes: 2 * 1024 * 1024 })),
  ]);
  const tray = page.getByRole("region", { name: "Uploads" });
  await tray.getByText(/ of 3\.0 MB/).waitFor();
  await page.waitForTimeout(1200);
  await shot(page, "27-tray-mid-upload");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await page.locator("tr.doc-row", { hasText: /cryo/i }).locator(".chip", { hasText: "Parsed" }).waitFor({ timeout: 60_000 });

  // Over 20 MB the client switches to the resumable route, part by part.
  const parts = [];
  page.on("request", (req) => {
    if (req.method() === "PUT" && /\/uploads\/[^/]+\/parts\/\d+$/.test(new URL(req.url()).pathname)) parts.push(req.url());
  });
  await page.getByTestId("upload-input").setInputFiles([
    pdf("large-atlas.pdf", makePaper(6, "atlas", { paddingBytes: 21 * 1024 * 1024 })),
  ]);
  await page.locator("tr.doc-row", { hasText: /atlas/i }).locator(".chip", { hasText: "Parsed" }).waitFor({ timeout: 90_000 });
  assert.equal(parts.length, 3, "21 MB in three 10 MiB parts");
});

test("an upload answered 503 is sent again by itself and stored once", async () => {
  const browser = await openBrowser();
  browsers.push(browser);
  const { page } = browser;
  const project = await signUpWithProject(page, "Flaky network lab");
  await page.goto(`/projects/${project.id}`);
  await page.getByRole("heading", { name: "No papers yet" }).waitFor();

  // The first POST of the file never reaches the worker: the "network" answers 503 instead.
  let posts = 0;
  await page.route(`**/api/projects/${project.id}/documents`, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    posts++;
    if (posts === 1) return route.fulfill({ status: 503, contentType: "text/plain", body: "Service briefly unavailable" });
    return route.continue();
  });
  await page.getByTestId("upload-input").setInputFiles([pdf("flaky-upload.pdf", makePaper(2, "flaky", { title: "Sent twice, stored once" }))]);
  const row = page.locator("tr.doc-row", { hasText: /sent twice, stored once|flaky-upload/i });
  await row.locator(".chip", { hasText: "Parsed" }).waitFor({ timeout: 30_000 });
  assert.equal(posts, 2, "one refused attempt, one retry");
  const tray = page.getByRole("region", { name: "Uploads" });
  assert.equal(await tray.getByText(/already in this project/i).count(), 0);
  const listed = (await (await page.request.get(`/api/projects/${project.id}/documents`)).json()).items;
  assert.equal(listed.length, 1);
});
