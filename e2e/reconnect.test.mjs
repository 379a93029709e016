// Reconnect: A and B read the same paper; A's browser goes offline, B highlights a sentence and
// comments on it, A comes back online and sees both without a reload (live.ts resumes with the
// last seq it saw and the room replays what A missed).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { makePaper } from "../scripts/make-pdf.mjs";
import { baseUrl, latestEmail, linkIn, openBrowser, shot, uniqueEmail, uploadParsed, signUpInPage } from "./helpers.mjs";

const headers = { Origin: baseUrl };
const browsers = [];
let a;
let b;
let project;
let doc;

after(async () => {
  await Promise.all(browsers.map((x) => x.close()));
});

before(async () => {
  a = await openBrowser();
  b = await openBrowser();
  browsers.push(a, b);

  await signUpInPage(a.page, "Ada Lovelace");
  const created = await a.page.request.post("/api/projects", { headers, data: { name: "Offline reading" } });
  project = (await created.json()).project;
  doc = await uploadParsed(a.page, project.id, makePaper(3, "offline", { title: "Reading while offline" }), "offline.pdf");

  const emailB = uniqueEmail("grace");
  const invite = await a.page.request.post(`/api/projects/${project.id}/invites`, { headers, data: { email: emailB, role: "editor" } });
  assert.equal(invite.status(), 201, await invite.text());
  const token = new URL(linkIn(await latestEmail(emailB, /invited you to/i), "/invites/")).pathname.split("/").pop();
  await signUpInPage(b.page, "Grace Hopper", emailB);
  const accepted = await b.page.request.post(`/api/invites/${token}/accept`, { headers });
  assert.equal(accepted.status(), 200, await accepted.text());
});

const readerPath = () => `/projects/${project.id}/papers/${doc.id}`;
const pageEl = (p, n) => p.locator(`.pdf-page[data-page="${n}"]`);

test("offline → B highlights and comments → back online: A sees both without a reload", async () => {
  const pa = a.page;
  const pb = b.page;
  await pa.goto(readerPath());
  await pb.goto(readerPath());
  await pageEl(pa, 1).locator(".textLayer span").first().waitFor();
  await pageEl(pb, 1).locator(".textLayer span").first().waitFor();
  // A is connected: B's presence shows up on A's page.
  await pa.locator(".presence-btn").getByRole("img", { name: "Grace Hopper" }).waitFor();
  assert.equal(await pageEl(pa, 1).locator(".hl").count(), 0);
  const navigations = [];
  pa.on("framenavigated", (frame) => frame === pa.mainFrame() && navigations.push(frame.url()));

  await a.context.setOffline(true);
  await new Promise((r) => setTimeout(r, 500));

  // B highlights a sentence and comments on it while A is offline.
  const span = pageEl(pb, 1).locator(".textLayer span", { hasText: "Page 1 of the offline paper." }).first();
  const box = await span.boundingBox();
  await pb.mouse.move(box.x + 1, box.y + box.height / 2);
  await pb.mouse.down();
  await pb.mouse.move(box.x + box.width - 1, box.y + box.height / 2, { steps: 8 });
  await pb.mouse.up();
  await pb.getByRole("button", { name: "Highlight green" }).click();
  await pageEl(pb, 1).locator(".hl.hl-green").first().waitFor();
  const cardB = pb.locator(".ann-card", { hasText: "Page 1 of the offline paper." });
  await cardB.getByRole("button", { name: "Comment" }).click();
  await cardB.getByLabel("Comment").fill("Written while Ada was offline.");
  await cardB.getByRole("button", { name: "Comment", exact: true }).last().click();
  await cardB.locator(".comment-body", { hasText: "Written while Ada was offline." }).waitFor();

  // Still offline, A has neither.
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(await pageEl(pa, 1).locator(".hl.hl-green").count(), 0, "A is offline and has not seen the highlight yet");

  await a.context.setOffline(false);
  await pageEl(pa, 1).locator(".hl.hl-green").first().waitFor();
  const cardA = pa.locator(".ann-card", { hasText: "Page 1 of the offline paper." });
  await cardA.locator(".comment-body", { hasText: "Written while Ada was offline." }).waitFor();
  assert.deepEqual(navigations, [], "A's page was not reloaded");
  await shot(pa, "reconnect-after-offline");
});
