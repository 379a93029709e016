import { defineConfig } from "drizzle-kit";

// D1's shape comes only from worker/db/schema.ts; `npm run db:generate` writes migrations/.
export default defineConfig({
  dialect: "sqlite",
  schema: "./worker/db/schema.ts",
  out: "./migrations",
});
