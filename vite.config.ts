// Client build: the SolidJS app in client/ → dist/client, served by wrangler's static assets.
import path from "node:path";
import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

const repoRoot = import.meta.dirname;

export default defineConfig({
  root: path.join(repoRoot, "client"),
  plugins: [solid()],
  build: {
    outDir: path.join(repoRoot, "dist/client"),
    emptyOutDir: true,
    target: "es2022",
    sourcemap: true,
  },
  server: {
    // `vite dev` on its own: send API calls to a running `npm run dev`.
    proxy: { "/api": { target: "http://localhost:8787", changeOrigin: false } },
  },
});
