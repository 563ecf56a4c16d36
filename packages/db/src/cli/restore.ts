import { resolve } from "node:path";
import { BackupRefusal } from "../backup.js";
import { restoreBackupFile } from "../backup-file.js";
import { openDatabaseFromEnv } from "./open-from-env.js";

const args = process.argv.slice(2);
const [source] = args.filter((argument) => !argument.startsWith("--"));
if (!source) {
  console.error("Usage : pnpm db:restore <fichier> [--force]");
  process.exit(2);
}
const file = resolve(process.env.INIT_CWD ?? process.cwd(), source);
const handle = await openDatabaseFromEnv();
try {
  const { rows } = await restoreBackupFile(handle, file, { force: args.includes("--force") });
  console.info(`Base ${handle.kind} restaurée depuis ${file} (${rows} lignes).`);
} catch (error) {
  if (!(error instanceof BackupRefusal)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await handle.close();
}
