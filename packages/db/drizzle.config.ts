import { defineConfig } from "drizzle-kit";

// Generation only compares the schema with the committed snapshots: it needs no database.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/index.ts",
  out: "./drizzle",
});
