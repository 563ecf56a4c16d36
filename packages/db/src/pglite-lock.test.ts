import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { DataFolderInUseError, holderOf, lockDataFolder } from "./pglite-lock.js";

const folder = () => mkdtempSync(join(tmpdir(), "defis-lock-"));
const lockOf = (dataDir: string) => join(dataDir, "defis.lock");
const held = (dataDir: string) =>
  JSON.parse(readFileSync(lockOf(dataDir), "utf8")) as Record<string, unknown>;

/** Takes the lock and releases it at once: the assertion is that it could be taken. */
function takesOver(dataDir: string): void {
  const unlock = lockDataFolder(dataDir);
  expect(held(dataDir).pid).toBe(process.pid);
  unlock();
}

describe("the data folder lock", () => {
  it("refuses a second lock in the same process while the first is held, then frees it", () => {
    const dataDir = folder();
    const unlock = lockDataFolder(dataDir);
    expect(() => lockDataFolder(dataDir)).toThrow(DataFolderInUseError);
    unlock();
    takesOver(dataDir);
  });

  it("takes over a lock naming this process's own pid, left before a restart (old and new format)", () => {
    const legacy = folder();
    writeFileSync(lockOf(legacy), String(process.pid));
    takesOver(legacy);

    const restarted = folder();
    writeFileSync(
      lockOf(restarted),
      JSON.stringify({ pid: process.pid, startTime: "1", bootId: null, host: hostname() }),
    );
    takesOver(restarted);
  });

  it("takes over a lock whose process is gone", () => {
    const dataDir = folder();
    writeFileSync(lockOf(dataDir), String(2 ** 22 + 1)); // above Linux's pid_max: no such process
    takesOver(dataDir);
  });

  it("takes over a lock whose pid now names another process, started later", () => {
    const dataDir = folder();
    writeFileSync(
      lockOf(dataDir),
      JSON.stringify({ pid: process.ppid, startTime: "1", bootId: null, host: hostname() }),
    );
    takesOver(dataDir);
  });

  it("takes over a lock written before the machine restarted", () => {
    const dataDir = folder();
    writeFileSync(
      lockOf(dataDir),
      JSON.stringify({ pid: process.ppid, startTime: null, bootId: "another-boot", host: hostname() }),
    );
    takesOver(dataDir);
  });

  it("takes over an empty lock, left by a crash between its creation and its writing", () => {
    const dataDir = folder();
    writeFileSync(lockOf(dataDir), "");
    takesOver(dataDir);
  });

  it("refuses a lock held by another live process, and takes it over once that process is killed", async () => {
    const dataDir = folder();
    const holder = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    try {
      await once(holder, "spawn");
      writeFileSync(lockOf(dataDir), JSON.stringify(holderOf(holder.pid ?? 0)));
      expect(() => lockDataFolder(dataDir)).toThrow(/déjà ouvert par un autre processus Défis/);
    } finally {
      holder.kill("SIGKILL");
      await once(holder, "exit");
    }
    takesOver(dataDir);
  });
});
