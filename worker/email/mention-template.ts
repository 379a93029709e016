// The email a member gets when someone mentions them in a comment or a highlight's note.
// Every user value (names, titles, the comment itself) is escaped by hono/html in the HTML part.
import { html } from "hono/html";
import type { EmailContent } from "./templates";

/** How much of the comment the email quotes; the link leads to the rest. */
const EXCERPT_CHARS = 500;

export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

export function mentionEmail(args: { authorName: string; projectName: string; documentTitle: string; text: string; url: string }): EmailContent {
  const quoted = excerpt(args.text);
  const intro = `${args.authorName} mentioned you on “${args.documentTitle}” in ${args.projectName}:`;
  return {
    subject: `${args.authorName} mentioned you on “${excerpt(args.documentTitle, 80)}”`,
    text: `${intro}\n\n“${quoted}”\n\nOpen the paper at that place: ${args.url}\n`,
    html: html`<!doctype html>
<html><body style="margin:0;background:#f6f7f9;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1f2328">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:32px 16px">
<table role="presentation" width="480" cellpadding="0" cellspacing="0" style="background:#fff;border:1px solid #e3e6ea;border-radius:8px;padding:32px">
<tr><td style="font-size:14px;color:#5b6472;padding-bottom:16px">Scrollkeeper</td></tr>
<tr><td style="font-size:15px;line-height:1.5;padding-bottom:16px">${intro}</td></tr>
<tr><td style="font-size:15px;line-height:1.5;padding:0 0 16px 12px;border-left:3px solid #e3e6ea;white-space:pre-wrap">${quoted}</td></tr>
<tr><td style="padding:8px 0 24px"><a href="${args.url}" style="background:#3557d4;color:#fff;text-decoration:none;padding:10px 18px;border-radius:6px;font-weight:600;display:inline-block">Open the paper</a></td></tr>
<tr><td style="font-size:13px;color:#5b6472;line-height:1.5">Or open this link: <br>${args.url}</td></tr>
</table></td></tr></table></body></html>`.toString(),
  };
}
