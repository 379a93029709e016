import { lineSegments, type Line } from "./metadata-layout";
import { squash } from "./normalize";

// Authors are the name-like lines right below the title. Affiliations, addresses and emails
// sit between and after them, often in the same font, so each line must read as names.

const PARTICLE = /^(van|von|de|der|den|del|della|da|das|dos|du|di|la|le|y|e|bin|al|st\.?)$/i;
const NAME_TOKEN = /^(\p{Lu}[\p{L}'’.\-]*|\p{Lu}\.(-?\p{Lu}\.)*|\(\p{Lu}\p{L}*\)|[IVX]+|Jr\.?|Sr\.?)$/u;
const ORG_WORD =
  /\b(univ\w*|institut\w*|laborator\w*|labs?|depart\w*|dept|college|school|research|inc|corp\w*|company|ltd|gmbh|cent(er|re)|foundation|project|group|faculty|faculdade|microsoft|google|ibm|amazon|apple|intel|xerox|inria|cnrs|epfl|eth|usa|uk|france|germany|canada|china|japan|india|italy|spain|portugal|denmark|iceland|switzerland|netherlands|street|avenue|ave|road|box|suite|floor|abstract|introduction|keywords|paper|report|version|draft|edition|conference|symposium|workshop|proceedings|journal|society of)\b/i;
const STOP_LINE = /^(abstract|a b s t r a c t|summary|keywords?|key words|index terms|ccs concepts|\d\.?\s+introduction|introduction)\b/i;

/** Removes what decorates a name line: "By", emails, IEEE grades, marks, digits. */
function cleanNameText(s: string): string {
  return squash(
    s
      .replace(/^\s*by\s+/i, "")
      .replace(/\{[^}]*\}\s*@\S+/g, " ")
      .replace(/\S+@\S+/g, " ")
      .replace(/,?\s*\b(senior |associate |student |life )?(member|fellow),?\s+(of\s+)?(ieee|acm|asme)\b/gi, " ")
      .replace(/\b\d+\s*AUTHORS?:?/gi, " ")
      .replace(/[\d∗*†‡§¶⋆\u2217\u22c6#]+/gu, " "),
  );
}

function looksLikeName(name: string): boolean {
  const tokens = name.split(" ");
  if (tokens.length < 2 || tokens.length > 4 || ORG_WORD.test(name)) return false;
  return tokens.every((t) => NAME_TOKEN.test(t) || PARTICLE.test(t)) && NAME_TOKEN.test(tokens[tokens.length - 1]!);
}

const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s\-'’.(])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase());

/**
 * Splits one line (already cut at wide gaps) into names, or returns null if any part is not
 * a name. "Surname, Given; Surname, Given" (repository cover pages) is turned around.
 */
export function splitNames(segments: readonly string[], force = false): string[] | null {
  const names: string[] = [];
  for (const segment of segments) {
    const cleaned = cleanNameText(segment);
    if (!cleaned) continue;
    let parts: string[];
    if (cleaned.includes(";")) {
      parts = cleaned.split(";").map((p) => {
        const [last, given] = p.split(",").map((x) => x.trim());
        return given ? `${given} ${last}` : (last ?? "");
      });
    } else {
      parts = cleaned.split(/\s*(?:,|&|\band\b)\s*/i);
    }
    for (const raw of parts.map((p) => squash(p.replace(/^[\s.,]+|[\s,]+$/g, ""))).filter(Boolean)) {
      const tokens = raw.split(" ");
      // One text run holding several two-word names without separators ("Dan Ingalls Ted Kaehler").
      if (tokens.length > 5 && tokens.length % 2 === 0 && tokens.every((t) => NAME_TOKEN.test(t))) {
        for (let i = 0; i < tokens.length; i += 2) names.push(`${tokens[i]} ${tokens[i + 1]}`);
        continue;
      }
      if (!looksLikeName(raw) && !(force && raw.split(" ").length <= 6)) return null;
      names.push(raw);
    }
  }
  if (names.length === 0) return null;
  return names.map((n) => (n === n.toUpperCase() ? titleCase(n) : n));
}

const MAX_AUTHOR_LINES = 30;

/** Names on the lines after `fromIndex` until the abstract; later lines must share the first author line's style. */
export function findAuthors(lines: readonly Line[], fromIndex: number): string[] {
  const authors: string[] = [];
  let style: { font: string; size: number } | null = null;
  let carry = ""; // a name broken across lines: "..., Scott" / "Shenker, ..."
  for (let i = fromIndex + 1; i < lines.length && i <= fromIndex + MAX_AUTHOR_LINES; i++) {
    const line = lines[i]!;
    let segments = lineSegments(line, false, 2);
    // Letter-spaced scans put wide gaps between every word: then the gaps mean nothing.
    if (segments.length > 1 && segments.some((s) => !s.includes(" "))) segments = [segments.join(" ")];
    const text = segments.join(" ");
    if (STOP_LINE.test(text)) break;
    if (style && (line.font !== style.font || Math.abs(line.size - style.size) > 0.5)) continue;
    if (carry && segments.length) segments[0] = `${carry} ${segments[0]}`;
    carry = "";
    const last = segments[segments.length - 1] ?? "";
    const tail = /(?:,|\band)\s+(\p{Lu}[\p{L}'’\-]+)$/u.exec(last);
    let names = splitNames(segments, /^\s*by\s+\p{Lu}/iu.test(text));
    if (!names && tail) {
      segments[segments.length - 1] = last.slice(0, tail.index);
      names = splitNames(segments);
      if (names) carry = tail[1]!;
    }
    if (!names) continue;
    style ??= { font: line.font, size: line.size };
    authors.push(...names);
  }
  return [...new Set(authors)];
}
