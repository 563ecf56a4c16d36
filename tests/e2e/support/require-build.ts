import { existsSync } from "node:fs";
import { API_ENTRY, WEB_INDEX } from "./paths";

/** The journeys run against the built app, never against sources: without a build there is nothing to test. */
export default function requireBuild(): void {
  const missing = [API_ENTRY, WEB_INDEX].filter((path) => !existsSync(path));
  if (missing.length > 0) {
    throw new Error(
      `Application non construite : lancez \`pnpm build\` avant les tests de bout en bout.\n` +
        `App not built: run \`pnpm build\` before the end-to-end tests.\n` +
        `Absent / missing: ${missing.join(", ")}`,
    );
  }
}
