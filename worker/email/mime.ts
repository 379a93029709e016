// Builds a multipart/alternative (text + HTML) message for the send_email binding.
// Bodies are base64-encoded so any characters and line lengths are safe on the wire.

function encodeBase64Utf8(value: string): string {
  const bytes = new TextEncoder().encode(value);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return (btoa(binary).match(/.{1,76}/g) ?? []).join("\r\n");
}

/** RFC 2047 encoded-word, so names and subjects with any characters stay one header line. */
function encodeHeader(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${encodeBase64Utf8(value).replaceAll("\r\n", "")}?=`;
}

export interface MimeInput {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageIdDomain: string;
}

export function buildMime(input: MimeInput): string {
  const boundary = `sk-${crypto.randomUUID()}`;
  return [
    `From: ${input.from}`,
    `To: ${input.to}`,
    `Subject: ${encodeHeader(input.subject)}`,
    `Message-ID: <${crypto.randomUUID()}@${input.messageIdDomain}>`,
    `Date: ${new Date().toUTCString()}`,
    "MIME-Version: 1.0",
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: base64",
    "",
    encodeBase64Utf8(input.text),
    `--${boundary}`,
    "Content-Type: text/html; charset=utf-8",
    "Content-Transfer-Encoding: base64",
    "",
    encodeBase64Utf8(input.html),
    `--${boundary}--`,
    "",
  ].join("\r\n");
}

/** The bare address from `Name <addr@host>` or `addr@host`. */
export function addressOf(mailbox: string): string {
  return /<([^>]+)>/.exec(mailbox)?.[1] ?? mailbox.trim();
}
