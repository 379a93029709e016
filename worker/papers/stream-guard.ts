// pdf.js inflates a page's whole content stream into one buffer before it emits any text (a
// 1 MB stream that inflates to 400 MB costs ~900 MB and minutes, with no point at which a
// deadline could be checked). So before handing a file to pdf.js we scan it for Flate streams
// and inflate each with the native DecompressionStream, counting bytes and keeping none, to
// refuse files where one stream inflates past a cap. Images and embedded fonts are skipped:
// text extraction never decodes images, and fonts are small. Known gaps (documented, not
// handled): streams inside encrypted files (they do not inflate before decryption), filters
// other than Flate (LZW, ASCII85 in front of Flate), and a page whose content is an array of
// many small streams that only together inflate past the cap.

const enc = new TextEncoder();
const STREAM = enc.encode("stream");
const ENDSTREAM = enc.encode("endstream");
const DICT_LOOKBACK = 2048;
// Deflate cannot expand data more than ~1032 times, so a stream this much smaller than the cap
// cannot reach it and is not inflated: ordinary papers then cost almost nothing to check.
const MAX_DEFLATE_RATIO = 1032;

export interface InflationBomb {
  /** Byte offset of the stream's data in the file. */
  offset: number;
  /** How far it inflated before we stopped. */
  inflatedBytes: number;
}

function matchesAt(bytes: Uint8Array, at: number, word: Uint8Array): boolean {
  if (at < 0 || at + word.length > bytes.length) return false;
  for (let i = 0; i < word.length; i++) if (bytes[at + i] !== word[i]) return false;
  return true;
}

function indexOfWord(bytes: Uint8Array, word: Uint8Array, from: number): number {
  const first = word[0]!;
  for (let i = bytes.indexOf(first, from); i !== -1; i = bytes.indexOf(first, i + 1)) {
    if (matchesAt(bytes, i, word)) return i;
  }
  return -1;
}

/** Counts the Flate passes a stream needs, or 0 when it is not worth inflating. */
function flatePasses(dict: string): number {
  if (/\/Subtype\s*\/Image\b|\/Length[123]\b|\/Subtype\s*\/(?:Type1C|CIDFontType0C|OpenType)\b/.test(dict)) return 0;
  return Math.min(3, (dict.match(/\/FlateDecode\b|\/Fl\b/g) ?? []).length);
}

// workerd's DecompressionStream inflates each written chunk whole before emitting anything, so
// the input is fed in slices: one 16 KiB slice inflates to at most ~16 MiB (deflate's ratio
// tops out near 1032:1), which bounds memory however explosive the stream is.
const SLICE = 16 * 1024;

/** Inflates without keeping the output; returns the byte count, stopping just past `cap`. */
async function inflatedSize(data: Uint8Array, passes: number, cap: number): Promise<number> {
  // Driven by hand rather than with pipeThrough: workerd rejects the pipe's internal promise on
  // truncated data ("incomplete data"), which would surface as an unhandled rejection.
  const stages = Array.from({ length: passes }, () => new DecompressionStream("deflate"));
  for (let i = 1; i < stages.length; i++) stages[i - 1]!.readable.pipeTo(stages[i]!.writable).catch(() => {});
  const writer = stages[0]!.writable.getWriter();
  const reader = stages[stages.length - 1]!.readable.getReader();
  // Listen to every promise we own. workerd still logs one "Decompression failed." unhandled
  // rejection of its own for corrupt data (seen with every handler attached); it is harmless.
  writer.closed.catch(() => {});
  reader.closed.catch(() => {});
  let stopped = false;
  const feed = (async () => {
    for (let offset = 0; offset < data.length && !stopped; offset += SLICE) {
      await writer.write(data.slice(offset, offset + SLICE));
    }
    if (!stopped) await writer.close();
  })().catch(() => {});
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > cap) break;
    }
  } catch {
    // Corrupt or encrypted data: pdf.js will cope or fail on its own; what inflated so far counts.
  } finally {
    stopped = true;
    reader.cancel().catch(() => {});
    writer.abort().catch(() => {});
    await feed;
  }
  return total;
}

/** Returns the first Flate stream that inflates past `maxStreamBytes`, or null. */
export async function findInflationBomb(bytes: Uint8Array, maxStreamBytes: number): Promise<InflationBomb | null> {
  const latin1 = new TextDecoder("latin1");
  let pos = 0;
  for (;;) {
    const kw = indexOfWord(bytes, STREAM, pos);
    if (kw === -1) return null;
    pos = kw + STREAM.length;
    if (matchesAt(bytes, kw - 3, ENDSTREAM)) continue; // the tail of "endstream"
    let dataStart = pos;
    if (bytes[dataStart] === 0x0d) dataStart++;
    if (bytes[dataStart] !== 0x0a && dataStart === pos) continue; // not the keyword: no EOL after it
    if (bytes[dataStart] === 0x0a) dataStart++;
    const end = indexOfWord(bytes, ENDSTREAM, dataStart);
    let dataEnd = end === -1 ? bytes.length : end;
    // The EOL before "endstream" is not data; workerd refuses trailing bytes after a deflate stream.
    while (dataEnd > dataStart && (bytes[dataEnd - 1] === 0x0a || bytes[dataEnd - 1] === 0x0d)) dataEnd--;
    if ((dataEnd - dataStart) * MAX_DEFLATE_RATIO <= maxStreamBytes) {
      pos = end === -1 ? bytes.length : end + ENDSTREAM.length;
      continue;
    }
    const dict = latin1.decode(bytes.subarray(Math.max(0, kw - DICT_LOOKBACK), kw));
    const passes = flatePasses(dict.slice(dict.lastIndexOf("obj") + 1));
    if (passes > 0) {
      const size = await inflatedSize(bytes.subarray(dataStart, dataEnd), passes, maxStreamBytes);
      if (size > maxStreamBytes) return { offset: dataStart, inflatedBytes: size };
    }
    pos = end === -1 ? bytes.length : end + ENDSTREAM.length;
  }
}
