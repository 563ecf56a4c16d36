import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join, resolve } from "node:path";

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

/**
 * Who holds a lock. A pid alone is not enough: after a crash and a restart
 * (PID 1 in a container, or any recycled pid) the same number names another
 * process. The pid's start time (Linux's /proc, in clock ticks since boot) and
 * the boot id tell a live holder from a stale lock at once, with no heartbeat
 * that a busy event loop could miss.
 */
interface Holder {
  pid: number;
  startTime: string | null;
  bootId: string | null;
  host: string | null;
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, "utf8").trim();
  } catch {
    return null;
  }
}

/** Field 22 of /proc/<pid>/stat, read after the command name, which may hold spaces and parentheses. */
function startTimeOf(pid: number): string | null {
  const stat = readOrNull(`/proc/${pid}/stat`);
  if (stat === null) return null;
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
}

/** The holder a lock written by process `pid`, on this machine, names. */
export function holderOf(pid: number): Holder {
  return {
    pid,
    startTime: startTimeOf(pid),
    bootId: readOrNull("/proc/sys/kernel/random/boot_id"),
    host: hostname(),
  };
}

/** A lock written by an earlier version holds only a pid. */
function parseHolder(text: string): Holder | null {
  if (/^\d+$/.test(text.trim())) {
    return { pid: Number(text), startTime: null, bootId: null, host: null };
  }
  try {
    const parsed = JSON.parse(text) as Partial<Holder>;
    return Number.isInteger(parsed.pid)
      ? {
          pid: parsed.pid as number,
          startTime: parsed.startTime ?? null,
          bootId: parsed.bootId ?? null,
          host: parsed.host ?? null,
        }
      : null;
  } catch {
    return null;
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

/** Folders this process has locked: our own pid in a lock is only ours when we hold it here. */
const heldHere = new Set<string>();

function isStillHeld(holder: Holder, folder: string, self: Holder): boolean {
  // Another machine sharing the folder: its processes cannot be seen from here.
  if (holder.host !== null && holder.host !== self.host) return true;
  if (holder.bootId !== null && self.bootId !== null && holder.bootId !== self.bootId) return false;
  if (holder.pid === self.pid) return heldHere.has(folder);
  if (!isAlive(holder.pid)) return false;
  // The pid is alive: the same process only if it started when the holder did.
  const startTime = startTimeOf(holder.pid);
  return holder.startTime === null || startTime === null || startTime === holder.startTime;
}

/**
 * PGlite has no multi-process protection: two processes writing one folder
 * corrupt it. An exclusive lock file naming its holder stops the second one;
 * a lock whose holder is gone (crashed, or a restart that reused its pid) is
 * taken over. Sits beside the PostgreSQL folder, which initdb wants empty.
 */
export function lockDataFolder(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const folder = resolve(dataDir);
  const path = join(folder, LOCK_FILE);
  const self = holderOf(process.pid);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, JSON.stringify(self));
      closeSync(fd);
      heldHere.add(folder);
      return () => {
        heldHere.delete(folder);
        rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = parseHolder(readOrNull(path) ?? "");
      if (holder && isStillHeld(holder, folder, self)) throw new DataFolderInUseError(dataDir, holder.pid);
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Impossible de verrouiller le dossier de données ${dataDir}.`);
}
