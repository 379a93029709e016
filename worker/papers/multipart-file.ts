// Streams the `file` field out of a multipart/form-data body without buffering the file:
// only a window as long as the boundary is held back while scanning for the part's end.
import { badRequest } from "../errors";

const enc = new TextEncoder();
const dec = new TextDecoder();
const HEADER_END = enc.encode("\r\n\r\n");
const MAX_HEADER_BYTES = 16 * 1024;

function indexOf(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0]!;
  for (let i = haystack.indexOf(first, from); i !== -1 && i <= haystack.length - needle.length; i = haystack.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

class Scanner {
  buffer = new Uint8Array(0);
  done = false;
  constructor(private reader: ReadableStreamDefaultReader<Uint8Array>) {}

  async fill(): Promise<boolean> {
    if (this.done) return false;
    const next = await this.reader.read();
    if (next.done) {
      this.done = true;
      return false;
    }
    const merged = new Uint8Array(this.buffer.length + next.value.length);
    merged.set(this.buffer);
    merged.set(next.value, this.buffer.length);
    this.buffer = merged;
    return true;
  }

  /** Consumes up to and including `needle`; returns what came before it. */
  async readUntil(needle: Uint8Array, limit: number): Promise<Uint8Array> {
    for (;;) {
      const at = indexOf(this.buffer, needle);
      if (at !== -1) {
        const before = this.buffer.slice(0, at);
        this.buffer = this.buffer.slice(at + needle.length);
        return before;
      }
      if (this.buffer.length > limit || !(await this.fill())) throw malformed();
    }
  }
}

const malformed = () => badRequest("invalid_multipart", "The form upload is malformed: send the PDF in a field named 'file'.");

export function boundaryOf(contentType: string): string {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2]?.trim();
  if (!boundary || boundary.length > 200) throw malformed();
  return boundary;
}

export interface FormFile {
  filename: string;
  stream: ReadableStream<Uint8Array>;
}

export async function readFormFile(body: ReadableStream<Uint8Array>, contentType: string): Promise<FormFile> {
  const boundary = boundaryOf(contentType);
  const scanner = new Scanner(body.getReader());
  const delimiter = enc.encode(`\r\n--${boundary}`);
  // The body starts with "--boundary"; prefixing CRLF makes every delimiter look the same.
  scanner.buffer = new Uint8Array([13, 10]);
  await scanner.readUntil(delimiter, MAX_HEADER_BYTES);
  for (;;) {
    const headerBlock = dec.decode(await scanner.readUntil(HEADER_END, MAX_HEADER_BYTES));
    if (headerBlock.startsWith("--")) throw malformed(); // closing delimiter: no file field
    const disposition = /content-disposition:([^\r\n]*)/i.exec(headerBlock)?.[1] ?? "";
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    if (name === "file") {
      const filenameStar = /filename\*=UTF-8''([^;\r\n]+)/i.exec(disposition)?.[1];
      const filename = filenameStar ? safeDecode(filenameStar) : (/filename="([^"]*)"/i.exec(disposition)?.[1] ?? "paper.pdf");
      return { filename, stream: partStream(scanner, delimiter) };
    }
    await scanner.readUntil(delimiter, 64 * 1024 * 1024); // skip a small non-file field
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function partStream(scanner: Scanner, delimiter: Uint8Array): ReadableStream<Uint8Array> {
  let finished = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      while (!finished) {
        const at = indexOf(scanner.buffer, delimiter);
        if (at !== -1) {
          if (at > 0) controller.enqueue(scanner.buffer.slice(0, at));
          finished = true;
          controller.close();
          return;
        }
        // Everything but a delimiter-long tail is surely file content.
        const safe = scanner.buffer.length - (delimiter.length - 1);
        if (safe > 0) {
          const out = scanner.buffer.slice(0, safe);
          scanner.buffer = scanner.buffer.slice(safe);
          controller.enqueue(out);
          if (!(await scanner.fill()) && indexOf(scanner.buffer, delimiter) === -1) controller.error(malformed());
          return;
        }
        if (!(await scanner.fill())) {
          controller.error(malformed());
          return;
        }
      }
    },
  });
}
