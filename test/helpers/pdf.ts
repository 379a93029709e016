// Generates small, valid PDFs for tests (our own files, free to ship): one text line per page.

function escapePdfString(text: string): string {
  return text.replace(/[\\()]/g, "\\$&");
}

export function makePdf(pages: string[], opts: { title?: string } = {}): Uint8Array {
  const objects: string[] = [];
  const pageIds: number[] = [];
  // 1: catalog, 2: pages, 3: font, 4: info; then a page + content pair per page.
  let next = 5;
  const pageObjects: string[] = [];
  for (const text of pages) {
    const pageId = next++;
    const contentId = next++;
    pageIds.push(pageId);
    const lines = text.split("\n").map((line, i) => `BT /F1 12 Tf 72 ${720 - i * 16} Td (${escapePdfString(line)}) Tj ET`).join("\n");
    pageObjects[pageId] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentId} 0 R >>`;
    pageObjects[contentId] = `<< /Length ${lines.length} >>\nstream\n${lines}\nendstream`;
  }
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pageIds.length} >>`;
  objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
  objects[4] = `<< /Title (${escapePdfString(opts.title ?? "Generated test paper")}) /Producer (scrollkeeper tests) >>`;
  for (let id = 5; id < next; id++) objects[id] = pageObjects[id]!;

  let body = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  const offsets: number[] = [];
  for (let id = 1; id < next; id++) {
    offsets[id] = body.length;
    body += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = body.length;
  body += `xref\n0 ${next}\n0000000000 65535 f \n`;
  for (let id = 1; id < next; id++) body += `${String(offsets[id]).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${next} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // Latin-1 so every char is one byte and the offsets above stay right.
  return Uint8Array.from(body, (ch) => ch.charCodeAt(0) & 0xff);
}

/** A paper of `count` pages whose page n says "Page n of the <label> paper". */
export function makePaper(count: number, label = "test", title?: string): Uint8Array {
  return makePdf(
    Array.from({ length: count }, (_, i) => `Page ${i + 1} of the ${label} paper.\nThe quick brown fox studies protein folding.`),
    { title },
  );
}
