import { describe, expect, it } from "vitest";
import { compileQuery } from "../../protocol/search-query";
import { renderSnippet } from "../../durable-objects/search-index";

describe("compileQuery", () => {
  it.each([
    ["protein folding", '"protein" AND "folding"'],
    ['"deep learning" models', '"deep learning" AND "models"'],
    ["protein OR enzyme kinetics", '("protein" OR "enzyme") AND "kinetics"'],
    ["protein -enzyme", '("protein") NOT ("enzyme")'],
    ["protein NOT enzyme", '("protein") NOT ("enzyme")'],
    ["fold*", '"fold"'],
    ["NEAR(x) col:val ^start", '"NEAR(x)" AND "col:val" AND "^start"'],
  ])("%s → %s", (input, expected) => {
    expect(compileQuery(input).match).toBe(expected);
  });

  it("keeps terms shorter than a trigram as substring terms and drops empty queries", () => {
    expect(compileQuery("研究")).toEqual({ match: null, likeTerms: ["研究"], terms: ["研究"] });
    expect(compileQuery("   ").match).toBeNull();
    expect(compileQuery("-only -negative")).toMatchObject({ match: null, likeTerms: [] });
  });

  it("never lets a quote break out of a term", () => {
    // An unclosed quote runs to the end; every term is quoted with inner quotes doubled.
    expect(compileQuery('say "hi"" OR x')).toEqual({ match: '"say" AND "OR x"', likeTerms: ["hi"], terms: ["say", "hi", "OR x"] });
    expect(compileQuery('abc"def"ghi quoted')).toEqual({ match: '"abc""def""ghi" AND "quoted"', likeTerms: [], terms: ['abc"def"ghi', "quoted"] });
  });
});

describe("renderSnippet", () => {
  it("escapes everything but the marks and cuts around the first match", () => {
    const marked = `${"x ".repeat(100)}<script>alert(1)</script> \uE000folding\uE001 & more ${"y ".repeat(200)}`;
    const html = renderSnippet(marked);
    expect(html).toContain("<mark>folding</mark>");
    expect(html).toContain("&#60;script&#62;");
    expect(html).not.toContain("<script>");
    expect(html.startsWith("…")).toBe(true);
    expect(html.endsWith("…")).toBe(true);
    expect(html.length).toBeLessThan(400);
  });
});
