// Word recall of extracted text against pdftotext's: the share of pdftotext's words (as a
// multiset) that our text also has. Both sides are NFKC-normalised and lower-cased, so
// ligatures and full-width forms compare equal; words are runs of letters, digits and marks.
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

function bag(text) {
  const counts = new Map();
  for (const w of text.normalize("NFKC").toLowerCase().match(WORD) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

export function wordRecall(reference, candidate) {
  const ref = bag(reference);
  const got = bag(candidate);
  let total = 0;
  let found = 0;
  const missing = [];
  for (const [w, n] of ref) {
    total += n;
    const have = Math.min(n, got.get(w) ?? 0);
    found += have;
    if (have < n) missing.push(w);
  }
  return { recall: total === 0 ? 1 : found / total, missing };
}
