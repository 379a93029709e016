// Maps whatever parsing threw to the document's `error: {code, message}` (see the API contract,
// §Documents). Messages are meant for the library UI: plain words, no stack traces.

export type ParseErrorCode = "encrypted" | "malformed" | "too_large" | "no_text" | "parse_error";

export interface ParseError {
  code: ParseErrorCode;
  message: string;
}

/** Thrown by parse.ts for failures it recognises itself (caps, no text, empty file). */
export class ParseFailure extends Error {
  constructor(
    readonly code: ParseErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ParseFailure";
  }
}

const MAX_MESSAGE = 300;

function describe(err: unknown): { name: string; message: string } {
  if (err instanceof Error) return { name: err.name, message: err.message };
  if (typeof err === "object" && err !== null) {
    // pdf.js rebuilds worker-side errors as plain objects or its own classes; read what is there.
    const e = err as { name?: unknown; message?: unknown };
    return { name: String(e.name ?? "Error"), message: String(e.message ?? "") };
  }
  return { name: "Error", message: String(err) };
}

export function classifyParseError(err: unknown): ParseError {
  if (err instanceof ParseFailure) return { code: err.code, message: err.message };
  const { name, message } = describe(err);
  const detail = message.slice(0, MAX_MESSAGE);

  if (name === "PasswordException") {
    return { code: "encrypted", message: "The PDF is protected by a password, so its text cannot be read." };
  }
  if (name === "InvalidPDFException" || name === "FormatError" || name === "XRefParseException") {
    return { code: "malformed", message: `The file is not a readable PDF (${detail || name}).` };
  }
  if (/Maximum call stack size exceeded/i.test(message)) {
    return { code: "malformed", message: "The PDF's structure is nested too deeply to read." };
  }
  if (/Invalid PDF|Invalid XRef|bad XRef|Invalid root reference|Invalid page count|Pages tree contains a cycle|Invalid object ref|kids object is not an array|Illegal character|Missing endstream|Bad (?:FCHECK|FLG|encoding) in flate stream/i.test(message)) {
    return { code: "malformed", message: `The file is not a readable PDF (${detail}).` };
  }
  if (name === "RangeError" && /Array buffer allocation failed|Invalid (typed )?array length/i.test(message)) {
    return { code: "too_large", message: "The PDF needs more memory to read than a parser is allowed." };
  }
  return { code: "parse_error", message: `The PDF could not be parsed: ${detail || name}` };
}
