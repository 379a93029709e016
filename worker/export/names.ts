// Splits the author strings we store ("Ashish Vaswani", "van der Berg, Vincent", "CMS
// Collaboration") into the parts BibTeX and CSL want. Pure: shared by both exporters.

export type PersonName =
  | { family: string; given: string; particle: string | null; suffix: string | null }
  | { literal: string };

/** Lowercase words that belong to the family name when they sit before it ("van der Berg"). */
const PARTICLES = new Set([
  "van", "von", "der", "den", "de", "del", "della", "degli", "dei", "di", "da", "das", "dos", "do", "du",
  "la", "le", "les", "lo", "ten", "ter", "te", "zu", "zum", "zur", "af", "av", "op", "'t", "van't", "al", "el", "bin", "ibn",
]);
const SUFFIX = /^(jr|sr|jnr|snr|ii|iii|iv|v|vi)\.?$/i;
/** Words that make a name an organisation rather than a person: kept whole. */
const ORGANISATION = /\b(collaboration|consortium|group|team|project|committee|association|society|institute|university|laboratory|organi[sz]ation|council|network|initiative|working)\b/i;

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/** "van der Berg" → particle "van der", family "Berg"; a name without particles is all family. */
function splitParticle(familyPart: string): { particle: string | null; family: string } {
  const words = familyPart.split(" ");
  let i = 0;
  while (i < words.length - 1 && PARTICLES.has(words[i]!)) i++;
  return i === 0 ? { particle: null, family: familyPart } : { particle: words.slice(0, i).join(" "), family: words.slice(i).join(" ") };
}

export function splitName(raw: string): PersonName {
  const name = squash(raw);
  if (!name || ORGANISATION.test(name)) return { literal: name };

  if (name.includes(",")) {
    // BibTeX's own forms: "von Last, First" and "von Last, Jr, First".
    const parts = name.split(",").map(squash);
    if (parts.some((p) => !p) || parts.length > 3) return { literal: name };
    const [familyPart, middle, last] = parts as [string, string, string | undefined];
    const { particle, family } = splitParticle(familyPart);
    return last === undefined
      ? { family, given: middle, particle, suffix: null }
      : { family, given: last, particle, suffix: middle };
  }

  const words = name.split(" ");
  let suffix: string | null = null;
  if (words.length > 2 && SUFFIX.test(words[words.length - 1]!)) suffix = words.pop()!;
  if (words.length < 2) return { literal: name };
  // "First von Last" as BibTeX reads it: the first run of particles after the given name starts
  // the family ("Charles de la Vallée Poussin"); without one, the last word is the family.
  const last = words.length - 1;
  let from = 1;
  while (from < last && !PARTICLES.has(words[from]!)) from++;
  if (from === last) return { family: words[last]!, given: words.slice(0, last).join(" "), particle: null, suffix };
  let to = from;
  while (to + 1 < last && PARTICLES.has(words[to + 1]!)) to++;
  return { family: words.slice(to + 1).join(" "), given: words.slice(0, from).join(" "), particle: words.slice(from, to + 1).join(" "), suffix };
}

/** ASCII letters and digits only, lowercase: "Müller" → "muller", "Łukasz" → "lukasz". */
export function asciiFold(s: string): string {
  return s
    .replace(/ß/g, "ss")
    .replace(/[æÆ]/g, "ae")
    .replace(/[œŒ]/g, "oe")
    .replace(/[øØ]/g, "o")
    .replace(/[łŁ]/g, "l")
    .replace(/[đĐðÐ]/g, "d")
    .replace(/[þÞ]/g, "th")
    .replace(/ı/g, "i")
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}
