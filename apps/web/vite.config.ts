import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const apiTarget = `http://localhost:${process.env.API_PORT ?? "3001"}`;

export default defineConfig({
  plugins: [react()],
  build: {
    target: "es2022",
    sourcemap: true,
    // dist/.vite/manifest.json: which chunks each page loads, for the weight budgets (a dot folder,
    // which the server does not serve).
    manifest: true,
    // Budgets are checked by a test on the gzip sizes; this only silences the raw-size warning.
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: 3000,
    proxy: { "/trpc": apiTarget, "/api": apiTarget, "/auth": apiTarget },
  },
});
