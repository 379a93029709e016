// Access to ../shared/corpus from inside workerd through the CORPUS service binding
// (test/corpus-binding.mjs). Third-party papers are read from there, never copied into the repo.
import { env } from "cloudflare:workers";

interface CorpusBinding {
  fetch(input: string): Promise<Response>;
}

const binding = (env as unknown as { CORPUS?: CorpusBinding }).CORPUS;
export const corpusAvailable = binding ? (await binding.fetch("http://corpus/")).ok : false;

export async function corpusText(name: string): Promise<string> {
  return corpusAvailable ? (await binding!.fetch(`http://corpus/${name}`)).text() : "";
}

export async function corpusBytes(name: string): Promise<Uint8Array> {
  const url = `http://corpus/${encodeURIComponent(name).replaceAll("%2F", "/")}`;
  // The Node-side binding occasionally drops a connection under load; one retry covers it.
  const res = await binding!.fetch(url).catch(() => binding!.fetch(url));
  if (!res.ok) throw new Error(`corpus file ${name}: ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

export function parseTsv(body: string): Record<string, string>[] {
  const [head, ...lines] = body.split("\n").filter((l) => l.length > 0);
  const cols = (head ?? "").split("\t");
  return lines.map((l) => Object.fromEntries(l.split("\t").map((v, i) => [cols[i] ?? `c${i}`, v])));
}
