// The app's emails, as text and HTML. Every value from a user is escaped in the HTML part.
import { html, raw } from "hono/html";

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

function layout(heading: string, paragraphs: string[], action: { label: string; url: string }): string {
  return html`<!doctype html>
<html><body style="margin:0;background:#f6f7f9;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1f2328">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:32px 16px">
<table role="presentation" width="480" cellpadding="0" cellspacing="0" style="background:#fff;border:1px solid #e3e6ea;border-radius:8px;padding:32px">
<tr><td style="font-size:14px;color:#5b6472;padding-bottom:16px">Scrollkeeper</td></tr>
<tr><td style="font-size:20px;font-weight:600;padding-bottom:16px">${heading}</td></tr>
${paragraphs.map((p) => html`<tr><td style="font-size:15px;line-height:1.5;padding-bottom:16px">${p}</td></tr>`)}
<tr><td style="padding:8px 0 24px"><a href="${action.url}" style="background:#3557d4;color:#fff;text-decoration:none;padding:10px 18px;border-radius:6px;font-weight:600;display:inline-block">${action.label}</a></td></tr>
<tr><td style="font-size:13px;color:#5b6472;line-height:1.5">Or open this link: <br>${action.url}</td></tr>
</table></td></tr></table></body></html>`.toString();
}

export function verificationEmail(name: string, url: string): EmailContent {
  const intro = `Hi ${name}, confirm this address to finish setting up your Scrollkeeper account.`;
  return {
    subject: "Confirm your email address",
    text: `${intro}\n\nOpen this link to confirm: ${url}\n\nIf you did not sign up, ignore this email.\n`,
    html: layout("Confirm your email address", [intro, "If you did not sign up, ignore this email."], {
      label: "Confirm email",
      url,
    }),
  };
}

export function passwordResetEmail(name: string, url: string): EmailContent {
  const intro = `Hi ${name}, someone asked to reset the password of your Scrollkeeper account.`;
  return {
    subject: "Reset your password",
    text: `${intro}\n\nOpen this link within an hour to choose a new password: ${url}\n\nIf it was not you, ignore this email; your password stays the same.\n`,
    html: layout("Reset your password", [intro, "The link works for one hour. If it was not you, ignore this email; your password stays the same."], {
      label: "Choose a new password",
      url,
    }),
  };
}

export function inviteEmail(inviter: string, projectName: string, role: string, url: string): EmailContent {
  const intro = `${inviter} invited you to the project “${projectName}” on Scrollkeeper as ${role}.`;
  return {
    subject: `${inviter} invited you to ${projectName}`,
    text: `${intro}\n\nOpen this link within 7 days to join: ${url}\n`,
    html: layout(`Join “${projectName}”`, [intro, "The invitation is valid for 7 days."], { label: "Accept invitation", url }),
  };
}

// `raw` is re-exported for templates that embed already-escaped fragments.
export { raw };
