// Test PDFs come from the same generator the benchmarks use (our own files, free to ship).
export { makePaper, makePdf } from "../../scripts/make-pdf.mjs";
