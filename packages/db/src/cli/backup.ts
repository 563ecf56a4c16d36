import { resolve } from "node:path";
import { writeBackupFile } from "../backup-file.js";
import { openDatabaseFromEnv } from "./open-from-env.js";

const [target] = process.argv.slice(2).filter((argument) => !argument.startsWith("--"));
if (!target) {
  console.error("Usage : pnpm db:backup <fichier>");
  process.exit(2);
}
const file = resolve(process.env.INIT_CWD ?? process.cwd(), target);
const handle = await openDatabaseFromEnv();
try {
  await writeBackupFile(handle, file);
  console.info(`Sauvegarde de la base ${handle.kind} écrite dans ${file}.`);
} finally {
  await handle.close();
}
