import type { DatabaseHandle } from "@defis/db";
import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INTERNAL_ERROR_MESSAGE } from "../trpc.js";
import { createTestDatabase, DEMO_EMAILS, signIn, startTestServer } from "../testing/test-app.js";

const TRPC_HEADERS = { "x-trpc-source": "test" };

const BIG_CSS = ".fr-btn { color: #000091; }\n".repeat(200);

/** A GET with exactly the given Accept-Encoding (fetch would add its own and decode). */
function rawGet(url: string, acceptEncoding: string) {
  return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    request(url, { headers: { "accept-encoding": acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on("error", reject)
      .end();
  });
}

function builtSpaFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), "defis-web-"));
  mkdirSync(join(folder, "assets"));
  writeFileSync(join(folder, "index.html"), "<!doctype html><html lang=fr><title>Défis</title></html>");
  writeFileSync(join(folder, "assets", "app-abc123.js"), "console.log('ok');");
  // What apps/web/scripts/precompress.mjs writes beside a large file.
  writeFileSync(join(folder, "assets", "big-abc123.css"), BIG_CSS);
  writeFileSync(join(folder, "assets", "big-abc123.css.br"), brotliCompressSync(BIG_CSS));
  writeFileSync(join(folder, "assets", "big-abc123.css.gz"), gzipSync(BIG_CSS));
  return folder;
}

function expectStrictSecurityHeaders(response: Response): void {
  const csp = response.headers.get("content-security-policy") ?? "";
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self'(;|$)/);
  expect(response.headers.get("strict-transport-security")).toContain("max-age=");
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("x-frame-options")).toBe("DENY");
  expect(response.headers.get("x-powered-by")).toBeNull();
}

describe("HTTP application", () => {
  let database: DatabaseHandle;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let cookie: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startTestServer(database, { webDist: builtSpaFolder() });
    cookie = await signIn(server.url, DEMO_EMAILS.leadership);
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it("answers /api/health with the status and the database kind only, nothing an attacker could use", async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: { kind: database.kind } });
  });

  it("serves tRPC queries to signed-in clients that send the custom header, never from cache", async () => {
    const response = await fetch(`${server.url}/trpc/programme.overview`, {
      headers: { ...TRPC_HEADERS, cookie },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as { result: { data: { json: { laureates: number } } } };
    expect(body.result.data.json.laureates).toBe(27);
  });

  it("answers invalid input with its French messages, field by field", async () => {
    const input = encodeURIComponent(JSON.stringify({ json: { territory: "xx" } }));
    const response = await fetch(`${server.url}/trpc/laureates.list?input=${input}`, {
      headers: { ...TRPC_HEADERS, cookie },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { json: { message: string; data: { fieldErrors: Record<string, string[]> } } };
    };
    expect(body.error.json.message).toBe("Données invalides : Territoire inconnu.");
    expect(body.error.json.data.fieldErrors).toEqual({ territory: ["Territoire inconnu."] });
  });

  it("answers a business refusal in plain French, without a support reference", async () => {
    const input = encodeURIComponent(JSON.stringify({ json: { slug: "n-existe-pas" } }));
    const response = await fetch(`${server.url}/trpc/laureates.bySlug?input=${input}`, {
      headers: { ...TRPC_HEADERS, cookie },
    });
    expect(response.status).toBe(404);
    const body = (await response.json()) as {
      error: { json: { data: { requestId: string; supportReference: string | null } } };
    };
    expect(body.error.json.data.requestId).toBe(response.headers.get("x-request-id"));
    expect(body.error.json.data.supportReference).toBeNull();
  });

  it("refuses /trpc calls without the custom header", async () => {
    const response = await fetch(`${server.url}/trpc/programme.overview`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      "x-trpc-source",
    );
  });

  it.each([
    ["multipart/form-data", () => Object.assign(new FormData(), {})],
    ["application/x-www-form-urlencoded", () => "slug=dggn-lab-innovation"],
    ["text/plain", () => '{"slug":"dggn-lab-innovation"}'],
  ])("refuses a cross-site form POST sent as %s", async (contentType, makeBody) => {
    const body = makeBody();
    const response = await fetch(`${server.url}/trpc/laureates.bySlug`, {
      method: "POST",
      headers: { ...TRPC_HEADERS, ...(typeof body === "string" ? { "content-type": contentType } : {}) },
      body,
    });
    expect(response.status).toBe(415);
  });

  it("refuses a call from a foreign origin", async () => {
    const response = await fetch(`${server.url}/trpc/programme.overview`, {
      headers: { ...TRPC_HEADERS, origin: "https://attaquant.example" },
    });
    expect(response.status).toBe(403);
  });

  it("refuses batches larger than the limit", async () => {
    const paths = Array.from({ length: 21 }, () => "programme.overview").join(",");
    const response = await fetch(`${server.url}/trpc/${paths}?batch=1&input=%7B%7D`, {
      headers: TRPC_HEADERS,
    });
    expect(response.status).toBe(400);
  });

  it("sends the strict security headers on HTML, API, static and 404 responses", async () => {
    for (const path of [
      "/",
      "/laureats/dggn-lab-innovation",
      "/api/health",
      "/assets/app-abc123.js",
      "/api/inconnu",
    ]) {
      expectStrictSecurityHeaders(await fetch(`${server.url}${path}`));
    }
    expectStrictSecurityHeaders(
      await fetch(`${server.url}/trpc/programme.overview`, { headers: TRPC_HEADERS }),
    );
  });

  it("serves the SPA for client routes, and 404 in JSON for unknown API paths", async () => {
    const page = await fetch(`${server.url}/laureats/dggn-lab-innovation`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<title>Défis</title>");
    const missing = await fetch(`${server.url}/api/inconnu`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toBe(
      "Ressource introuvable.",
    );
    const asset = await fetch(`${server.url}/assets/app-abc123.js`);
    expect(asset.headers.get("cache-control")).toContain("immutable");
  });

  it("sends the build's Brotli or gzip copy of a static file to a browser that accepts it", async () => {
    const url = `${server.url}/assets/big-abc123.css`;
    const brotli = await rawGet(url, "gzip, deflate, br");
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(brotli.headers["content-type"]).toBe("text/css; charset=utf-8");
    expect(brotli.headers["vary"]).toContain("Accept-Encoding");
    expect(brotli.headers["cache-control"]).toContain("immutable");
    expect(brotliDecompressSync(brotli.body).toString()).toBe(BIG_CSS);
    const gzip = await rawGet(url, "gzip, br;q=0");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    const plain = await rawGet(url, "identity");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(BIG_CSS);
    // The compressed copy and the file itself are cached alike.
    expect(brotli.headers["cache-control"]).toBe(plain.headers["cache-control"]);
    const small = await rawGet(`${server.url}/assets/app-abc123.js`, "br");
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(
      (await rawGet(`${server.url}/assets/%2e%2e%2findex.html.br`, "br")).headers["content-encoding"],
    ).toBeUndefined();
  });
});

describe("HTTP application with a failing database, in production", () => {
  it("answers an internal error with a generic French message and a request id, never SQL", async () => {
    const database = await createTestDatabase();
    const server = await startTestServer(database);
    const cookie = await signIn(server.url, DEMO_EMAILS.leadership);
    await database.close();
    try {
      const response = await fetch(`${server.url}/trpc/laureates.list?input=%7B%22json%22%3A%7B%7D%7D`, {
        headers: { ...TRPC_HEADERS, cookie },
      });
      expect(response.status).toBe(500);
      const text = await response.text();
      const body = JSON.parse(text) as {
        error: { json: { message: string; data: { requestId: string; supportReference: string } } };
      };
      expect(body.error.json.message).toBe(INTERNAL_ERROR_MESSAGE);
      expect(body.error.json.data.requestId).toBe(response.headers.get("x-request-id"));
      expect(body.error.json.data.supportReference).toBe(response.headers.get("x-request-id"));
      expect(text.toLowerCase()).not.toMatch(/select |from "|stack|pglite|closed|at \w+ \(/);
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(503);
    } finally {
      await server.close();
    }
  });
});
