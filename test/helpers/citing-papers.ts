// Two small papers that cite each other, for the references tests (integration and e2e build
// the same pair). Quiet cites Loud by DOI (assigned to Loud after upload); Loud cites Quiet by
// title, and itself, which must never link.
export const QUIET_TITLE = "Quiet Lattices and Their Gentle Perturbations";
export const LOUD_TITLE = "Loud Lattices Revisited in Noisy Media";
export const LOUD_DOI = "10.5555/scroll.loud.2021";

export const quietPages = [
  `${QUIET_TITLE}\nA. Bell and C. Dorn\nAbstract. Lattices stay quiet when perturbed gently.`,
  "1 Introduction\nLoud lattices were studied before [2]; we follow [1].",
  [
    "References",
    "[1] E. Falk and G. Hale. Noise in ordered media. J. Noise 3(2):1-9, 2004.",
    `[2] I. Ives. Lattices that shout. Noisy Letters 7, 2021. doi:${LOUD_DOI}`,
    "[3] J. Jost. Gentle perturbation of large systems. Tech. Rep. 12, 1998.",
  ].join("\n"),
];

export const loudPages = [
  `${LOUD_TITLE}\nI. Ives\nAbstract. We revisit loud lattices in noisy media.`,
  "1 Introduction\nQuiet lattices [1] are the calm counterpart.",
  [
    "References",
    `[1] A. Bell and C. Dorn. ${QUIET_TITLE}. In Proc. of Nothing, 2019.`,
    `[2] I. Ives. ${LOUD_TITLE}. Preprint, 2020.`,
    "[3] K. Lin. Unrelated matters of the heart. Press, 2011.",
  ].join("\n"),
];
