import { rm, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDataDir, spawnApp, startApp, stopProcess, type AppServer } from "./support/app-server";
import { DEMO, sessionCookieFor } from "./support/session";

let dataDir: string;
let first: AppServer;

beforeAll(async () => {
  dataDir = await createDataDir();
  first = await startApp({ dataDir });
});

afterAll(async () => {
  await first.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** Long enough for a cold start, so a server that wrongly starts is caught rather than awaited forever. */
const REFUSAL_TIMEOUT_MS = 30_000;

async function healthStatus(baseUrl: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/health`);
  return response.status;
}

/** The portfolio is for signed-in people only: the count is read with a session. */
async function laureateCount(baseUrl: string): Promise<number> {
  const cookie = await sessionCookieFor(baseUrl, DEMO.direction);
  const input = encodeURIComponent(JSON.stringify({ json: {} }));
  const response = await fetch(`${baseUrl}/trpc/laureates.list?input=${input}`, {
    headers: { "x-trpc-source": "e2e", cookie },
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { result: { data: { json: unknown[] } } };
  return body.result.data.json.length;
}

describe("verrou du dossier de données", () => {
  it("refuses a second server on a folder already in use, and leaves the first one running", async () => {
    const second = await spawnApp(dataDir);
    const timeout = new AbortController();
    try {
      const outcome = await Promise.race([
        second.exited,
        delay(REFUSAL_TIMEOUT_MS, "toujours en marche", { signal: timeout.signal }),
      ]);
      expect(outcome, second.output()).toBe(1);
    } finally {
      timeout.abort();
      await stopProcess(second);
    }
    expect(second.output()).toContain("déjà ouvert");
    expect(await healthStatus(first.baseUrl)).toBe(200);
  });

  it("frees the folder on a clean stop, and the next server finds the same data", async () => {
    const folder = await createDataDir();
    try {
      const before = await startApp({ dataDir: folder });
      expect(await before.stop()).toBe(0);

      const after = await startApp({ dataDir: folder });
      try {
        expect(await healthStatus(after.baseUrl)).toBe(200);
        expect(await laureateCount(after.baseUrl)).toBe(27);
      } finally {
        expect(await after.stop()).toBe(0);
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("starts over a lock left by a crash, even when its pid is alive again (a restart in a container)", async () => {
    const folder = await createDataDir();
    try {
      // PID 1 is alive on every machine; the start time says it is not the process that wrote the lock.
      await writeFile(
        join(folder, "defis.lock"),
        JSON.stringify({ pid: 1, startTime: "-1", bootId: null, host: hostname() }),
      );
      const restarted = await startApp({ dataDir: folder });
      try {
        expect(await healthStatus(restarted.baseUrl)).toBe(200);
      } finally {
        expect(await restarted.stop()).toBe(0);
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
