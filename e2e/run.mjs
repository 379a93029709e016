// Browser tests: build the client, start `wrangler dev` on a fresh local database, run
// e2e/*.test.mjs with Node's test runner against it, stop the server, exit with the result.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildClient, root, startServer } from "../scripts/server.mjs";
import { startFakeStripe } from "../test/fake-stripe.mjs";

const port = Number(process.env.E2E_PORT ?? 8790);
const url = `http://127.0.0.1:${port}`;
const persistTo = mkdtempSync(path.join(tmpdir(), "sk-e2e-state-"));
const started = Date.now();

buildClient(); // SKIP_CLIENT_BUILD=1 reuses an existing dist/client
// Billing talks to a local fake of Stripe (test/fake-stripe.mjs) through the official client.
const stripe = await startFakeStripe({ port: Number(process.env.E2E_STRIPE_PORT ?? 0) });
const stripeVars = {
  STRIPE_SECRET_KEY: "sk_test_e2e",
  STRIPE_WEBHOOK_SECRET: "whsec_test_e2e",
  STRIPE_API_HOST: "127.0.0.1",
  STRIPE_API_PORT: String(stripe.port),
  STRIPE_API_PROTOCOL: "http",
  STRIPE_PRICE_RESEARCHER_MONTH: "price_researcher_month",
  STRIPE_PRICE_RESEARCHER_YEAR: "price_researcher_year",
  STRIPE_PRICE_LAB_MONTH: "price_lab_month",
  STRIPE_PRICE_LAB_YEAR: "price_lab_year",
};
// e2e/local-queue.test.mjs sends a burst of 12 uploads from one account at once: above the default
// per-user cap on uploads in flight (6), which test/integration/user-caps.test.ts covers.
const capVars = { MAX_PARALLEL_UPLOADS_PER_USER: "12" };
const server = await startServer({ port, persistTo, vars: { APP_URL: url, ...stripeVars, ...capVars }, stdio: process.env.E2E_SERVER_LOGS ? "inherit" : "ignore" });

let status = 1;
try {
  // `node e2e/run.mjs e2e/billing.test.mjs` runs just the files named.
  const named = process.argv.slice(2);
  const files = named.length
    ? named
    : readdirSync(path.join(root, "e2e"))
        .filter((f) => f.endsWith(".test.mjs"))
        .map((f) => path.join("e2e", f));
  // Asynchronous, so this process keeps serving the fake Stripe while the tests run.
  const child = spawn(process.execPath, ["--test", "--test-concurrency=1", ...files], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, E2E_BASE_URL: url, E2E_STRIPE_URL: stripe.url, E2E_STRIPE_WEBHOOK_SECRET: stripeVars.STRIPE_WEBHOOK_SECRET },
  });
  status = (await new Promise((resolve) => child.on("exit", resolve))) ?? 1;
} finally {
  server.stop();
  await stripe.close();
  rmSync(persistTo, { recursive: true, force: true });
}
console.log(`e2e finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(status);
