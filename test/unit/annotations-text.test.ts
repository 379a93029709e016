// Pure text functions of annotations: @mention matching, mention links, Markdown escaping.
import { describe, expect, it } from "vitest";
import { escapeInline, exportDisposition, renderAnnotationsMarkdown } from "../../worker/annotations/markdown";
import { findMentions, placeUrl } from "../../worker/annotations/mentions";

const people = [
  { userId: "1", name: "Ada", email: "ada@example.org" },
  { userId: "2", name: "Ada Lovelace", email: "lovelace@example.org" },
  { userId: "3", name: "Émile Borel", email: "emile@example.org" },
];
const ids = (text: string) => findMentions(text, people).map((p) => p.userId);

describe("findMentions", () => {
  it("matches names and emails case-insensitively, longest first, each person once", () => {
    expect(ids("hi @Ada Lovelace and @ada")).toEqual(["2", "1"]);
    expect(ids("@ADA LOVELACE @ada lovelace")).toEqual(["2"]);
    expect(ids("ping @lovelace@example.org.")).toEqual(["2"]);
    expect(ids("@émile borel, look")).toEqual(["3"]);
  });

  it("ignores addresses inside words, partial names and unknown people", () => {
    expect(ids("write to bob@Ada")).toEqual([]);
    expect(ids("@Adam and @Nobody")).toEqual([]);
    expect(ids("no mentions here")).toEqual([]);
  });

  it("builds the reader link with page and anchor", () => {
    expect(placeUrl("https://app.example", { projectId: "p 1", documentId: "d", page: 4, anchor: "comment-c" })).toBe("https://app.example/projects/p%201/papers/d?page=4#comment-c");
    expect(placeUrl("https://app.example", { projectId: "p", documentId: "d", page: null, anchor: "comment-c" })).toBe("https://app.example/projects/p/papers/d#comment-c");
  });
});

describe("Markdown escaping", () => {
  it("neutralises links, images, code, HTML and block starts", () => {
    expect(escapeInline("[x](http://e) ![i](y) `c` <script>")).toBe("\\[x\\]\\(http://e\\) \\!\\[i\\]\\(y\\) \\`c\\` &lt;script&gt;");
    expect(escapeInline("# title")).toBe("\\# title");
    expect(escapeInline("- item")).toBe("\\- item");
    expect(escapeInline("1. item")).toBe("1\\. item");
    expect(escapeInline("&amp; stays & text")).toBe("&amp;amp; stays & text");
    expect(escapeInline("a\\b *c* _d_")).toBe("a\\\\b \\*c\\* \\_d\\_");
  });

  it("renders an empty export and a safe filename", () => {
    const md = renderAnnotationsMarkdown({ title: "<Title>", annotations: [], comments: [], names: new Map(), exportedAt: "2026-01-01T00:00:00Z" });
    expect(md).toBe("# &lt;Title&gt;\n\nAnnotations exported from Scrollkeeper on 2026-01-01: 0 highlights, 0 comments.\n");
    expect(exportDisposition('a "quoted"/évil.pdf')).toBe(`attachment; filename="a quoted _vil - annotations.md"; filename*=UTF-8''a%20quoted%20%C3%A9vil%20-%20annotations.md`);
  });
});
