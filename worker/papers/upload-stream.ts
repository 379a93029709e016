// Streams an uploaded body into R2 without holding the whole file: checks the PDF magic bytes
// before anything is stored, counts bytes against the limit and computes SHA-256 as it goes.
import { AppError } from "../errors";
import { hex } from "../lib/crypto";

const MAGIC = new TextEncoder().encode("%PDF-");
/** pdf.js (like Acrobat) accepts a header within the first 1024 bytes; so do we. */
const MAGIC_WINDOW = 1024;
/** Part size when the length is not known up front (R2 parts must be ≥ 5 MiB and equal). */
export const STREAM_PART_SIZE = 8 * 1024 * 1024;

export const notPdf = () => new AppError(415, "not_pdf", "That file is not a PDF. Only PDF papers can be uploaded.");

export function hasPdfMagic(head: Uint8Array): boolean {
  const end = Math.min(head.length, MAGIC_WINDOW) - MAGIC.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < MAGIC.length; j++) if (head[i + j] !== MAGIC[j]) continue outer;
    return true;
  }
  return false;
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

/**
 * Reads just enough of `body` to check the magic bytes, then returns a stream that replays
 * those bytes and continues with the rest. Throws 415 when the file is not a PDF.
 */
export async function requirePdfHead(body: ReadableStream<Uint8Array>): Promise<ReadableStream<Uint8Array>> {
  const reader = body.getReader();
  const head: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < MAGIC_WINDOW) {
    const next = await reader.read();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    size += next.value.length;
  }
  if (!hasPdfMagic(concat(head, size))) {
    await reader.cancel().catch(() => undefined);
    throw notPdf();
  }
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of head) controller.enqueue(chunk);
      if (done) controller.close();
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

export interface StoredUpload {
  size: number;
  sha256: string;
}

/** A pass-through that hashes and counts, failing once `maxBytes` is passed. */
function meter(maxBytes: number, tooLarge: () => AppError) {
  const digest = new crypto.DigestStream("SHA-256");
  const writer = digest.getWriter();
  let size = 0;
  const stream = new TransformStream<Uint8Array, Uint8Array>({
    async transform(chunk, controller) {
      size += chunk.length;
      if (size > maxBytes) throw tooLarge();
      await writer.write(chunk);
      controller.enqueue(chunk);
    },
    async flush() {
      await writer.close();
    },
  });
  return {
    stream,
    result: async (): Promise<StoredUpload> => ({ size, sha256: hex(await digest.digest) }),
  };
}

/**
 * Stores `body` at `key`. With a known length it streams straight into one put; otherwise it
 * cuts the stream into fixed-size parts of an R2 multipart upload, holding one part at a time.
 */
export async function streamToR2(
  bucket: R2Bucket,
  key: string,
  body: ReadableStream<Uint8Array>,
  opts: { knownLength: number | null; maxBytes: number; tooLarge: () => AppError; contentType?: string },
): Promise<StoredUpload> {
  const m = meter(opts.maxBytes, opts.tooLarge);
  const metered = body.pipeThrough(m.stream);
  const httpMetadata = { contentType: opts.contentType ?? "application/pdf" };
  try {
    if (opts.knownLength !== null) {
      const fixed = new FixedLengthStream(opts.knownLength);
      const piping = metered.pipeTo(fixed.writable);
      await Promise.all([bucket.put(key, fixed.readable, { httpMetadata }), piping]);
    } else {
      await putInParts(bucket, key, metered, httpMetadata);
    }
  } catch (error) {
    await bucket.delete(key).catch(() => undefined);
    if (error instanceof AppError) throw error;
    throw new AppError(400, "upload_incomplete", "The upload ended before the whole file arrived. Try again.");
  }
  return m.result();
}

async function putInParts(bucket: R2Bucket, key: string, stream: ReadableStream<Uint8Array>, httpMetadata: R2HTTPMetadata) {
  const reader = stream.getReader();
  let buffered: Uint8Array[] = [];
  let bufferedSize = 0;
  let upload: R2MultipartUpload | null = null;
  const parts: R2UploadedPart[] = [];
  const flushPart = async (bytes: Uint8Array) => {
    upload ??= await bucket.createMultipartUpload(key, { httpMetadata });
    parts.push(await upload.uploadPart(parts.length + 1, bytes));
  };
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      buffered.push(next.value);
      bufferedSize += next.value.length;
      while (bufferedSize >= STREAM_PART_SIZE) {
        const all = concat(buffered, bufferedSize);
        await flushPart(all.subarray(0, STREAM_PART_SIZE));
        const rest = all.slice(STREAM_PART_SIZE);
        buffered = [rest];
        bufferedSize = rest.length;
      }
    }
    const last = concat(buffered, bufferedSize);
    if (!upload) {
      await bucket.put(key, last, { httpMetadata });
      return;
    }
    if (last.length) await flushPart(last);
    await (upload as R2MultipartUpload).complete(parts);
  } catch (error) {
    if (upload) await (upload as R2MultipartUpload).abort().catch(() => undefined);
    throw error;
  }
}
