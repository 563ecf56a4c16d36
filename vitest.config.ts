import { defineConfig, type TestProjectConfiguration } from "vitest/config";

/**
 * One run, several projects. Code that touches the database runs twice when
 * DATABASE_URL is set: on PGlite (in memory) and on the PostgreSQL server,
 * each test file on a database of its own.
 */
const onPostgres = Boolean(process.env.DATABASE_URL);
const NO_OVERLAPPING_QUERIES = new URL(
  "packages/db/src/testing-setup/no-overlapping-queries.ts",
  import.meta.url,
).pathname;

function onEachDatabase(name: string, root: string, include: string[]): TestProjectConfiguration[] {
  const engines = onPostgres ? (["pglite", "postgresql"] as const) : (["pglite"] as const);
  return engines.map((engine) => ({
    test: {
      name: `${name} (${engine})`,
      root,
      include,
      environment: "node",
      env: { DEFIS_TEST_DATABASE: engine },
      setupFiles: [NO_OVERLAPPING_QUERIES],
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  }));
}

export default defineConfig({
  test: {
    projects: [
      {
        test: { name: "domain", root: "packages/domain", include: ["src/**/*.test.ts"], environment: "node" },
      },
      {
        test: {
          name: "db",
          root: "packages/db",
          include: ["src/**/*.test.ts"],
          exclude: ["src/**/*.db.test.ts"],
          environment: "node",
        },
      },
      ...onEachDatabase("db", "packages/db", ["src/**/*.db.test.ts"]),
      ...onEachDatabase("api", "apps/api", ["src/**/*.test.ts"]),
      {
        test: {
          name: "web",
          root: "apps/web",
          include: ["src/**/*.test.{ts,tsx}"],
          environment: "jsdom",
          setupFiles: ["./src/test/setup.ts"],
          // Above the 5 s testing-library waits for a busy machine (src/test/setup.ts).
          testTimeout: 15_000,
        },
      },
    ],
  },
});
