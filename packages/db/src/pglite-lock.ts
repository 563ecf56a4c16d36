import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";

const LOCK_FILE = "defis.lock";

export class DataFolderInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `Le dossier de données ${dataDir} est déjà ouvert par un autre processus Défis (pid ${pid}). ` +
        "PGlite n'accepte qu'un seul processus par dossier : arrêtez l'autre instance, " +
        "choisissez un autre DATA_DIR, ou utilisez PostgreSQL avec DATABASE_URL pour plusieurs instances.",
    );
    this.name = "DataFolderInUseError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite has no multi-process protection: two processes writing one folder
 * corrupt it. An exclusive lock file holding our pid stops the second one;
 * a lock left by a crashed process (pid gone) is taken over.
 * Sits beside the PostgreSQL folder, which initdb wants empty.
 */
export function lockDataFolder(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(readFileSync(path, "utf8"), 10);
      // Our own pid counts too: a second handle in this process would corrupt the folder as well.
      if (Number.isInteger(holder) && isAlive(holder)) {
        throw new DataFolderInUseError(dataDir, holder);
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Impossible de verrouiller le dossier de données ${dataDir}.`);
}
