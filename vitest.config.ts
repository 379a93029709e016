import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";
// @ts-expect-error -- plain JS module run by Node, outside the workers tsconfig
import { ignorePdfjsInflateNoise, serveCorpus } from "./test/corpus-binding.mjs";
// @ts-expect-error -- plain JS module run by Node, outside the workers tsconfig
import { startFakeStripe } from "./test/fake-stripe.mjs";

// Integration and unit tests run inside workerd with the real local D1, R2, Queues and
// Durable Objects from wrangler.toml. Migrations are read here and applied in test/setup.ts.
export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
  // The official Stripe client in the worker talks HTTP to this fake (test/fake-stripe.mjs).
  const stripe = await startFakeStripe();
  stripe.server.unref();
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
            // Small per-user caps on work in flight, so test/integration/user-caps.test.ts reaches them
            // quickly; no other suite runs more than this in parallel for one user.
            MAX_PARALLEL_UPLOADS_PER_USER: "3",
            MAX_SOCKETS_PER_USER_TOTAL: "6",
            // The admin backup routes' script secret (worker/routes/backups.ts).
            RESTORE_TOKEN: "test-restore-token",
            // Operator accounts for the admin routes (bans, status).
            ADMIN_EMAILS: "ops@scrollkeeper.test",
            // Billing against the local fake; other suites create many projects per user, so the
            // free plan's counts are lifted here and test/integration/quotas.test.ts sets its own.
            STRIPE_SECRET_KEY: "sk_test_scrollkeeper",
            STRIPE_WEBHOOK_SECRET: "whsec_test_scrollkeeper",
            STRIPE_PRICE_RESEARCHER_MONTH: "price_researcher_month",
            STRIPE_PRICE_RESEARCHER_YEAR: "price_researcher_year",
            STRIPE_PRICE_LAB_MONTH: "price_lab_month",
            STRIPE_PRICE_LAB_YEAR: "price_lab_year",
            STRIPE_API_HOST: "127.0.0.1",
            STRIPE_API_PORT: String(stripe.port),
            STRIPE_API_PROTOCOL: "http",
            PLAN_LIMITS: JSON.stringify({ free: { projects: 1000, membersPerProject: 1000 } }),
          },
        },
      }),
    ],
    test: {
      include: ["test/**/*.test.ts"],
      setupFiles: ["./test/setup.ts"],
      // Structured logs are printed only for failing tests, where they help.
      silent: "passed-only",
      // Only the known, harmless internal rejections of pdf.js/DecompressionStream on hostile
      // files are hidden; every other unhandled error still fails the run.
      onUnhandledError: ignorePdfjsInflateNoise,
      testTimeout: 60_000,
      hookTimeout: 60_000,
    },
  };
});
