import { describe, expect, it } from "vitest";
import { extractReferences, newestReferenceYear } from "../../worker/papers/references";

// Made-up bibliographies in the three shapes papers use.
describe("extractReferences", () => {
  it("splits bracketed entries across pages, dropping page numbers and running heads", () => {
    const refs = extractReferences([
      { page: 9, text: "Quiet Lattices\n5 Conclusion\nWe are done.\nReferences\n[1] A. Bell and C. Dorn. Quiet structures. In Proc. of Nothing, 2001.\n[2] E. Falk. “Loud lattices, revisited,” J. Noise 3(2), 2004,\ndoi:10.5555/noise.2004.\n9" },
      { page: 10, text: "Quiet Lattices\n[3] G. Hale, I. Ives, and J. Jost. Gentle perturbation of\nlarge systems. Tech. Rep. 12, 1998.\n10" },
    ]);
    expect(refs.map((r) => r.index)).toEqual([1, 2, 3]);
    expect(refs[0]).toMatchObject({ title: "Quiet structures", year: 2001, doi: null });
    expect(refs[1]).toMatchObject({ title: "Loud lattices, revisited", year: 2004, doi: "10.5555/noise.2004" });
    expect(refs[2]!.title).toBe("Gentle perturbation of large systems");
    expect(refs[2]!.raw).not.toContain("Quiet Lattices");
  });

  it("follows numbered entries in sequence, so a wrapped line starting with a number does not split", () => {
    const refs = extractReferences([
      { page: 5, text: "REFERENCES\n1. KAHN, M., AND LOWE, N. Asynchronous agreement. In Proceedings of the Symposium,\n1984, pp. 1-9.\n2. MOSS, O. Byzantine things. J. Odd 3,\n2007. 12-19.\n3. NASH, P. Last entry. Press, 1990." },
    ]);
    expect(refs).toHaveLength(3);
    expect(refs[0]).toMatchObject({ title: "Asynchronous agreement", year: 1984 });
    expect(refs[1]!.year).toBe(2007);
  });

  it("splits hanging author-year entries and ends the section at an appendix", () => {
    const refs = extractReferences([
      { page: 20, text: "Bibliography\nAmber, Q., & Birch, R. (1996). Experimentally augmenting tutors. Journal of\nTutoring, 4, 1-10.\nCedar, S., 2008. Affective feedback in search. Inf. Proc. 2, 3–4.\nDeal, T. and Elm, U. (2001). A third title. Press.\nAppendix A\nSurvey, Q. Not a reference." },
    ]);
    expect(refs.map((r) => r.year)).toEqual([1996, 2008, 2001]);
    expect(refs[0]!.title).toBe("Experimentally augmenting tutors");
    expect(refs[1]!.title).toBe("Affective feedback in search");
  });

  it("takes the last references heading that is followed by entries, and returns [] without one", () => {
    const refs = extractReferences([{ page: 3, text: "2. References\nSee the references below for the format.\nReferences\n[1] K. Lin. One. 2019.\n[2] K. Lin. Two. 2020." }]);
    expect(refs).toHaveLength(2);
    expect(newestReferenceYear(refs)).toBeNull(); // too few years to say
    expect(extractReferences([{ page: 1, text: "No bibliography here.\nJust text." }])).toEqual([]);
  });
});
