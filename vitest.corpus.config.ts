import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";
// @ts-expect-error -- plain JS module run by Node, outside the workers tsconfig
import { ignorePdfjsInflateNoise, serveCorpus } from "./test/corpus-binding.mjs";

// The parse engine over ../shared/corpus inside workerd. It needs no app bindings, only the
// CORPUS service that reads the corpus from disk on the Node side.
// Run: npx vitest run --config vitest.corpus.config.ts
export default defineConfig({
  plugins: [
    cloudflareTest({
      miniflare: {
        compatibilityDate: "2025-09-01",
        serviceBindings: { CORPUS: serveCorpus },
      },
    }),
  ],
  test: {
    include: ["test/integration/parse-corpus.test.ts"],
    onUnhandledError: ignorePdfjsInflateNoise,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
