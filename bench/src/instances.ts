import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import {
  createDataDir,
  spawnApp,
  stopProcess,
  waitUntilReady,
  type AppProcess,
} from "../../tests/e2e/support/app-server.js";

/** A built API process (apps/api/dist/index.js) on the bench's PostgreSQL database. */
export interface Instance {
  baseUrl: string;
  process: AppProcess;
  /** Resident memory now and at its peak since the start, in MiB (Linux /proc). */
  memory(): { rssMiB: number; peakMiB: number };
  stop(): Promise<void>;
}

function statusKiB(pid: number, field: "VmRSS" | "VmHWM"): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(match?.[1] ?? NaN);
}

export async function startInstances(databaseUrl: string, count: number): Promise<Instance[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const dataDir = await createDataDir();
      const app = await spawnApp(dataDir, { databaseUrl });
      const baseUrl = `http://127.0.0.1:${app.port}`;
      await waitUntilReady(app, baseUrl, "postgresql");
      const pid = app.child.pid ?? 0;
      return {
        baseUrl,
        process: app,
        memory: () => ({ rssMiB: statusKiB(pid, "VmRSS") / 1024, peakMiB: statusKiB(pid, "VmHWM") / 1024 }),
        stop: async () => {
          await stopProcess(app);
          await rm(dataDir, { recursive: true, force: true });
        },
      };
    }),
  );
}
