import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";
// @ts-expect-error -- plain JS module run by Node, outside the workers tsconfig
import { ignorePdfjsInflateNoise, serveCorpus } from "./test/corpus-binding.mjs";

// Integration and unit tests run inside workerd with the real local D1, R2, Queues and
// Durable Objects from wrangler.toml. Migrations are read here and applied in test/setup.ts.
export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
  return {
    plugins: [
      cloudflareTest({
        main: "./worker/index.ts",
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          // ../shared/corpus, read on the Node side (workerd has no file system).
          serviceBindings: { CORPUS: serveCorpus },
          bindings: {
            TEST_MIGRATIONS: migrations,
            ENVIRONMENT: "test",
            // Small chunks so ordinary test papers cross chunk boundaries in the consumer.
            PARSE_PAGES_PER_CHUNK: "4",
          },
        },
      }),
    ],
    test: {
      include: ["test/**/*.test.ts"],
      setupFiles: ["./test/setup.ts"],
      // Only the known, harmless internal rejections of pdf.js/DecompressionStream on hostile
      // files are hidden; every other unhandled error still fails the run.
      onUnhandledError: ignorePdfjsInflateNoise,
      testTimeout: 60_000,
      hookTimeout: 60_000,
    },
  };
});
