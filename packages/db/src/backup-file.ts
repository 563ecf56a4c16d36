import { createReadStream, createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { DatabaseHandle } from "./database.js";
import {
  BackupRefusal,
  checkHeader,
  emptyTablesForRestore,
  insertChunk,
  lastMigration,
  nonEmptyTables,
  readBackup,
  restoreTriggers,
  type BackupChunk,
} from "./backup.js";

/**
 * Writes the whole database to `file` from one snapshot, streaming: memory
 * stays that of one chunk whatever the size of the ledger. The file appears
 * only once complete (written beside it, then renamed).
 */
export async function writeBackupFile(handle: DatabaseHandle, file: string): Promise<void> {
  const partial = `${file}.partiel`;
  try {
    await handle.db.transaction(
      async (tx) => {
        async function* lines() {
          for await (const item of readBackup(tx)) yield `${JSON.stringify(item)}\n`;
        }
        await pipeline(Readable.from(lines()), createWriteStream(partial));
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/**
 * Restores `file` into the database, all or nothing, in one transaction. The
 * schema is migrated first; a database that already holds rows is replaced
 * only when `force` says so.
 */
export async function restoreBackupFile(
  handle: DatabaseHandle,
  file: string,
  { force }: { force: boolean },
): Promise<{ rows: number }> {
  await handle.migrate();
  return handle.db.transaction(async (tx) => {
    // Read from here, with no await before the loop: lines emitted before it starts would be lost.
    const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
    try {
      let header = true;
      let rows = 0;
      for await (const line of lines) {
        if (line.trim() === "") continue;
        const item = parseLine(line);
        if (header) {
          checkHeader(item, await lastMigration(tx));
          const filled = await nonEmptyTables(tx);
          if (filled.length > 0 && !force) {
            throw new BackupRefusal(
              `La base contient déjà des données (${filled.join(", ")}) : relancez avec --force pour la remplacer par la sauvegarde.`,
            );
          }
          await emptyTablesForRestore(tx);
          header = false;
          continue;
        }
        await insertChunk(tx, item as BackupChunk);
        rows += (item as BackupChunk).rows.length;
      }
      if (header) throw new BackupRefusal("Ce fichier de sauvegarde est vide.");
      await restoreTriggers(tx);
      return { rows };
    } finally {
      lines.close();
    }
  });
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new BackupRefusal("Ce fichier de sauvegarde est abîmé : une ligne n'est pas du JSON valide.");
  }
}
