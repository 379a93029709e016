// The foundation's browser journey: sign up, verify, create a project, invite an editor who
// signs up from the invite link, accepts, and sees the project with their role.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { latestEmail, linkIn, openBrowser, shot, uniqueEmail } from "./helpers.mjs";

const PASSWORD = "correct horse battery";
const browsers = [];
after(async () => {
  await Promise.all(browsers.map((b) => b.close()));
});

test("sign up, verify, create a project, invite an editor who joins", async () => {
  const ownerEmail = uniqueEmail("owner");
  const editorEmail = uniqueEmail("editor");
  const projectName = "Protein folding reading group";

  const owner = await openBrowser();
  browsers.push(owner);
  const page = owner.page;

  // Sign up.
  await page.goto("/signup");
  await page.getByRole("heading", { name: "Create your account" }).waitFor();
  await page.getByLabel("Name").fill("Ada Lovelace");
  await page.getByLabel("Email").fill(ownerEmail);
  await page.getByLabel("Password").fill(PASSWORD);
  await shot(page, "01-signup");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("**/projects");
  await page.getByRole("heading", { name: "Start your first project" }).waitFor();
  await page.getByText("Confirm your email address.").waitFor();
  await shot(page, "02-projects-empty-unverified");

  // Follow the verification link from the outbox.
  const verification = await latestEmail(ownerEmail, /confirm your email/i);
  await page.goto(linkIn(verification, "/verify?token="));
  await page.getByRole("heading", { name: "Email verified" }).waitFor();
  assert.match(await page.locator(".auth-card").innerText(), new RegExp(ownerEmail.replace(/[.+]/g, "\\$&")));
  await shot(page, "03-verified");
  await page.getByRole("link", { name: "Go to your projects" }).click();
  await page.getByRole("heading", { name: "Start your first project" }).waitFor();
  assert.equal(await page.getByText("Confirm your email address.").count(), 0, "the verify banner is gone once verified");

  // Create a project through the dialog.
  await page.getByRole("button", { name: "Create a project" }).click();
  const dialog = page.getByRole("dialog", { name: "New project" });
  await dialog.waitFor();
  await dialog.getByLabel("Project name").fill(projectName);
  await shot(page, "04-new-project-dialog");
  await dialog.getByRole("button", { name: "Create project" }).click();
  await page.waitForURL(/\/projects\/[^/]+$/);
  await page.getByRole("heading", { name: projectName }).waitFor();
  await page.getByRole("heading", { name: "No papers yet" }).waitFor();
  await page.getByRole("navigation", { name: "Projects" }).getByRole("link", { name: projectName }).waitFor();
  await shot(page, "05-library-empty");
  const projectPath = new URL(page.url()).pathname;

  // Invite a second person as editor.
  await page.getByRole("link", { name: "Members and settings" }).click();
  await page.waitForURL(`**${projectPath}/settings`);
  await page.getByRole("heading", { name: "Members" }).waitFor();
  await page.getByRole("cell", { name: ownerEmail }).waitFor();
  await page.getByLabel("Email address").fill(editorEmail);
  await page.getByLabel("Role", { exact: true }).selectOption("editor");
  await page.getByRole("button", { name: "Send invite" }).click();
  await page.locator(".invite-row", { hasText: editorEmail }).getByText("Editor", { exact: true }).waitFor();
  await page.getByText(`Invite sent to ${editorEmail}`).waitFor();
  await shot(page, "06-settings-invited");

  // The invited person opens the link in another browser, signs up, and accepts.
  const editor = await openBrowser();
  browsers.push(editor);
  const p2 = editor.page;
  const invitation = await latestEmail(editorEmail, /invited you to/i);
  await p2.goto(linkIn(invitation, "/invites/"));
  await p2.getByRole("heading", { name: "You are invited" }).waitFor();
  const lead = await p2.locator(".invite-lead").innerText();
  assert.match(lead, /Ada Lovelace invited you to Protein folding reading group as Editor/);
  await shot(p2, "07-invite-signed-out");

  await p2.getByRole("link", { name: "Create an account to join" }).click();
  await p2.getByRole("heading", { name: "Create your account" }).waitFor();
  assert.equal(await p2.getByLabel("Email").inputValue(), editorEmail, "the invited email is prefilled");
  await p2.getByLabel("Name").fill("Grace Hopper");
  await p2.getByLabel("Password").fill(PASSWORD);
  await p2.getByRole("button", { name: "Create account" }).click();

  await p2.waitForURL("**/invites/**");
  const accept = p2.getByRole("button", { name: "Accept invitation" });
  await accept.waitFor();
  await shot(p2, "08-invite-signed-in");
  await accept.click();
  await p2.waitForURL(`**${projectPath}`);
  await p2.getByRole("heading", { name: projectName }).waitFor();
  // Accepting an emailed invite proves the address, so no verify banner for the editor.
  assert.equal(await p2.getByText("Confirm your email address.").count(), 0);

  await p2.goto("/projects");
  const row = p2.getByRole("row", { name: new RegExp(projectName) });
  await row.waitFor();
  assert.equal((await row.locator(".badge").innerText()).trim(), "Editor");
  await shot(p2, "09-projects-as-editor");

  // The owner sees the new member with the editor role.
  await page.reload();
  const memberRow = page.getByRole("row", { name: /Grace Hopper/ });
  await memberRow.waitFor();
  assert.equal(await memberRow.getByRole("combobox", { name: "Role for Grace Hopper" }).inputValue(), "editor");
  await shot(page, "10-settings-members");

  // One look in dark mode.
  await p2.emulateMedia({ colorScheme: "dark" });
  await shot(p2, "11-projects-dark");
  await p2.goto(`${projectPath}/settings`);
  await p2.getByRole("heading", { name: "Members" }).waitFor();
  await shot(p2, "12-settings-dark-editor");
});
