// Generates small, valid PDFs (our own files, free to ship) for tests and benchmarks: one or
// more text lines per page, Helvetica, optional unreferenced padding to reach a target size.

function escapePdfString(text) {
  return text.replace(/[\\()]/g, "\\$&");
}

/**
 * @param {string[]} pages text of each page ("\n" separates lines)
 * @param {{ title?: string, paddingBytes?: number }} [opts]
 * @returns {Uint8Array}
 */
export function makePdf(pages, opts = {}) {
  const objects = [];
  const pageIds = [];
  let next = 5; // 1 catalog, 2 pages, 3 font, 4 info
  for (const text of pages) {
    const pageId = next++;
    const contentId = next++;
    pageIds.push(pageId);
    const lines = text
      .split("\n")
      .map((line, i) => `BT /F1 12 Tf 72 ${720 - i * 16} Td (${escapePdfString(line)}) Tj ET`)
      .join("\n");
    objects[pageId] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentId} 0 R >>`;
    objects[contentId] = `<< /Length ${lines.length} >>\nstream\n${lines}\nendstream`;
  }
  if (opts.paddingBytes) {
    // An unreferenced stream: real bytes on the wire and in storage, nothing for the parser.
    const filler = "0123456789abcdef".repeat(Math.ceil(opts.paddingBytes / 16)).slice(0, opts.paddingBytes);
    objects[next++] = `<< /Length ${filler.length} >>\nstream\n${filler}\nendstream`;
  }
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pageIds.length} >>`;
  objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
  objects[4] = `<< /Title (${escapePdfString(opts.title ?? "Generated test paper")}) /Producer (scrollkeeper) >>`;

  const parts = ["%PDF-1.4\n%\xE2\xE3\xCF\xD3\n"];
  let length = parts[0].length;
  const offsets = [];
  for (let id = 1; id < next; id++) {
    offsets[id] = length;
    const chunk = `${id} 0 obj\n${objects[id]}\nendobj\n`;
    parts.push(chunk);
    length += chunk.length;
  }
  let tail = `xref\n0 ${next}\n0000000000 65535 f \n`;
  for (let id = 1; id < next; id++) tail += `${String(offsets[id]).padStart(10, "0")} 00000 n \n`;
  tail += `trailer\n<< /Size ${next} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(tail);
  const body = parts.join("");
  // Latin-1: one byte per char, so the offsets above stay right.
  const out = new Uint8Array(body.length);
  for (let i = 0; i < body.length; i++) out[i] = body.charCodeAt(i) & 0xff;
  return out;
}

/**
 * A paper of `count` pages whose page n says "Page n of the <label> paper."
 * @param {number} count
 * @param {string} [label]
 * @param {{ title?: string, paddingBytes?: number }} [opts]
 */
export function makePaper(count, label = "test", opts = {}) {
  return makePdf(
    Array.from({ length: count }, (_, i) => `Page ${i + 1} of the ${label} paper.\nThe quick brown fox studies protein folding.`),
    opts,
  );
}
