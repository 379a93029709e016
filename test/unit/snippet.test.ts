import { describe, expect, it } from "vitest";
import { decodeEntities, parseSnippet } from "../../client/src/lib/snippet";

describe("search snippets", () => {
  it("splits on <mark> and decodes the server's entities", () => {
    expect(parseSnippet("a &#60;script&#62; <mark>fold</mark>ing &amp; more")).toEqual([
      { text: "a <script> ", mark: false },
      { text: "fold", mark: true },
      { text: "ing & more", mark: false },
    ]);
  });
  it("keeps escaped tags literal, never as markup", () => {
    const parts = parseSnippet("&lt;b&gt;x&lt;/b&gt; and <mark>&#60;mark&#62;</mark>");
    expect(parts.map((p) => p.text).join("")).toBe("<b>x</b> and <mark>");
    expect(parts.filter((p) => p.mark)).toEqual([{ text: "<mark>", mark: true }]);
  });
  it("decodes hex and leaves unknown entities alone", () => {
    expect(decodeEntities("&#x3c;&#39;&bogus;&#0;")).toBe("<'&bogus;&#0;");
  });
});
