import { openDatabaseFromEnv } from "./open-from-env.js";

const handle = await openDatabaseFromEnv();
try {
  await handle.migrate();
  console.info(`Migrations appliquées (${handle.kind}).`);
} finally {
  await handle.close();
}
