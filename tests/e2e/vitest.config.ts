import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "e2e",
    root: fileURLToPath(new URL(".", import.meta.url)),
    include: ["**/*.e2e.test.ts"],
    globalSetup: ["./support/require-build.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file starts its own server and Chromium: running them side by side would only compete for CPU.
    fileParallelism: false,
  },
});
