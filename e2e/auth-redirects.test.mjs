// A failed login shows the API's message; a deep link opened while signed out goes through
// /login and then back to where it pointed.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { baseUrl, openBrowser, shot, uniqueEmail } from "./helpers.mjs";

const PASSWORD = "a long enough secret";
const email = uniqueEmail("reader");
let projectId = "";
let browser;

before(async () => {
  // Seed through the API: one account with one project.
  const signup = await fetch(`${baseUrl}/api/auth/signup`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: baseUrl },
    body: JSON.stringify({ email, password: PASSWORD, name: "Rosalind Franklin" }),
  });
  assert.equal(signup.status, 201);
  const cookie = signup.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const created = await fetch(`${baseUrl}/api/projects`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: baseUrl, Cookie: cookie },
    body: JSON.stringify({ name: "Crystallography" }),
  });
  assert.equal(created.status, 201);
  projectId = (await created.json()).project.id;
  browser = await openBrowser();
});

after(async () => {
  await browser?.close();
});

test("a deep link while signed out goes to /login, a wrong password shows the API's message, then it continues", async () => {
  const page = browser.page;
  await page.goto(`/projects/${projectId}/settings`);
  await page.waitForURL((url) => url.pathname === "/login" && url.searchParams.get("next") === `/projects/${projectId}/settings`);
  await page.getByRole("heading", { name: "Sign in" }).waitFor();
  await page.getByRole("link", { name: "Forgot password?" }).waitFor();

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "The email or password is not right." });
  await alert.waitFor();
  assert.equal(await page.getByLabel("Password").isVisible(), true);
  await shot(page, "20-login-error");

  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`**/projects/${projectId}/settings`);
  await page.getByRole("heading", { name: "Project settings" }).waitFor();
  await page.getByRole("textbox", { name: "Project name" }).waitFor();
  assert.equal(await page.getByRole("textbox", { name: "Project name" }).inputValue(), "Crystallography");
  await shot(page, "21-deep-link-settings");
});

test("an unknown page shows the 404 page", async () => {
  const page = browser.page;
  await page.goto("/no/such/page");
  await page.getByRole("heading", { name: "Page not found" }).waitFor();
});

test("API tokens: create shows the token once, revoke asks first", async () => {
  const page = browser.page;
  await page.goto("/settings/tokens");
  await page.getByRole("heading", { name: "No tokens yet" }).waitFor();
  await page.getByLabel("Token name").fill("Lab import script");
  await page.getByRole("button", { name: "Create token" }).click();
  await page.getByText("Copy your new token now. You will not see it again.").waitFor();
  assert.match(await page.getByLabel(/New token/).inputValue(), /^skp_/);
  await page.getByRole("cell", { name: "Lab import script", exact: true }).waitFor();
  await shot(page, "22-tokens-created");

  await page.getByRole("button", { name: "Revoke Lab import script" }).click();
  const dialog = page.getByRole("dialog", { name: "Revoke token" });
  await dialog.getByRole("button", { name: "Revoke token" }).click();
  await page.getByRole("heading", { name: "No tokens yet" }).waitFor();
  assert.equal(await page.getByText("Copy your new token now.").count(), 0);
});
