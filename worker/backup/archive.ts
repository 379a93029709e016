// Backup files are gzip-compressed NDJSON: one JSON value per line, so a reader can stream a
// big file line by line instead of holding one huge document in memory.

/** Compresses `lines` (one JSON value each) into a gzip buffer with a known length for R2. */
export async function gzipLines(lines: AsyncIterable<unknown> | Iterable<unknown>): Promise<Uint8Array> {
  const gzip = new CompressionStream("gzip");
  const writer = gzip.writable.getWriter();
  const encoder = new TextEncoder();
  // Read the output while writing, or the stream's backpressure would stall the writes.
  const compressed = new Response(gzip.readable).arrayBuffer();
  for await (const line of lines) await writer.write(encoder.encode(`${JSON.stringify(line)}\n`));
  await writer.close();
  return new Uint8Array(await compressed);
}

/** Streams the JSON values of a gzip NDJSON body, one per line. */
export async function* readLines<T = unknown>(body: ReadableStream<Uint8Array>): AsyncGenerator<T> {
  const reader = body.pipeThrough(new DecompressionStream("gzip")).pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buffer += value;
    let newline: number;
    while ((newline = buffer.indexOf("\n")) !== -1) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      if (line.trim()) yield JSON.parse(line) as T;
    }
    if (done) break;
  }
  if (buffer.trim()) yield JSON.parse(buffer) as T;
}

// Stored as plain gzip (no Content-Encoding), so no HTTP layer decompresses it on the way.
export const GZIP_METADATA = { httpMetadata: { contentType: "application/gzip" } };
