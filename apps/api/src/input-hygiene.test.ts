import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "./router.js";
import { createTestDatabase, DEMO_EMAILS, signIn, startTestServer } from "./testing/test-app.js";
import { MALFORMED_REQUEST_MESSAGE } from "./trpc.js";
import type { TestDatabaseHandle } from "@defis/db/testing";

const HEADERS = { "x-trpc-source": "test", "content-type": "application/json" };

/** Every procedure, by dotted path, with its kind. */
const PROCEDURES = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { type: "query" | "mutation" } }>,
).map(([path, procedure]) => ({ path, type: procedure._def.type }));

/** What must never reach a client: JavaScript's own messages, stack frames, SQL, driver names. */
const INTERNAL_TEXT =
  /Cannot (read|destructure)|is not a function|Maximum call stack|TypeError|RangeError|SyntaxError|undefined|\bat [\w.<>]+ \([^)]*:\d+:\d+\)|\.ts:\d+|select |insert into|update "|drizzle|pglite|postgres|stack/i;

describe("junk sent to every procedure", () => {
  let database: TestDatabaseHandle;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let cookie: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startTestServer(database);
    // An administrator passes every policy: the junk reaches each procedure's input handling.
    cookie = await signIn(server.url, DEMO_EMAILS.admin);
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  /** Sends a raw body (mutation) or `input` parameter (query) as written, bypassing any client. */
  async function send(procedure: (typeof PROCEDURES)[number], raw: string) {
    const response =
      procedure.type === "query"
        ? await fetch(`${server.url}/trpc/${procedure.path}?input=${encodeURIComponent(raw)}`, {
            headers: { ...HEADERS, cookie },
          })
        : await fetch(`${server.url}/trpc/${procedure.path}`, {
            method: "POST",
            headers: { ...HEADERS, cookie },
            body: raw,
          });
    return { status: response.status, text: await response.text() };
  }

  const envelopes = [
    "null",
    "",
    "[]",
    '"texte"',
    "{",
    '{"json":null}',
    '{"json":{},"meta":{"values":{"a":["map"]}}}',
    '{"json":{"a":{}},"meta":{"values":{"a":["class","Inconnue"]}}}',
    `{"json":{},"meta":{"referentialEqualities":{"":["a"]},"values":{}}}`,
    // Long enough to be refused by the identifiers' bound, short enough for an address (queries go by GET).
    JSON.stringify({ json: { laureateSlug: "a".repeat(5_000), slug: "a".repeat(5_000) } }),
    JSON.stringify({
      json: { laureateSlug: "collectif\u0000", title: "A\u0000B", id: 1e300, userId: 1e300 },
    }),
  ];

  it(
    "answers malformed envelopes, huge ids and NUL with a 4xx and no internal text",
    { timeout: 300_000 },
    async () => {
      for (const procedure of PROCEDURES) {
        for (const raw of envelopes) {
          const { status, text } = await send(procedure, raw);
          const where = `${procedure.path} ← ${raw.slice(0, 80)}`;
          expect(status, where).toBeLessThan(500);
          expect(text, where).not.toMatch(INTERNAL_TEXT);
          // A refusal never echoes what was sent (a procedure without input answers its data).
          if (status >= 400) expect(text.length, where).toBeLessThan(2_000);
        }
      }
    },
  );

  it("says only that the request cannot be read when its envelope is broken", async () => {
    const { status, text } = await send({ path: "finance.setAllocation", type: "mutation" }, "null");
    expect(status).toBe(400);
    expect(text).toContain(MALFORMED_REQUEST_MESSAGE);
  });

  it("refuses a NUL in any text with a message for its field", async () => {
    const { status, text } = await send(
      { path: "finance.setAllocation", type: "mutation" },
      JSON.stringify({ json: { laureateSlug: "collectif", amountCents: 1, reason: "motif\u0000caché" } }),
    );
    expect(status).toBe(400);
    const body = JSON.parse(text) as { error: { json: { data: { fieldErrors: Record<string, string[]> } } } };
    expect(body.error.json.data.fieldErrors.reason?.[0]).toMatch(/caractère de contrôle/);
  });

  it("refuses a 900 000-character laureate id without echoing it", async () => {
    const { status, text } = await send(
      { path: "finance.setAllocation", type: "mutation" },
      JSON.stringify({ json: { laureateSlug: "a".repeat(900_000) } }),
    );
    expect(status).toBe(400);
    expect(text.length).toBeLessThan(2_000);
  });

  it("survives generated junk on every procedure", { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PROCEDURES),
        fc.oneof(
          fc.jsonValue().map((json) => JSON.stringify({ json })),
          fc.jsonValue().map((value) => JSON.stringify(value)),
          fc.string({ unit: "binary-ascii", maxLength: 200 }),
        ),
        async (procedure, raw) => {
          const { status, text } = await send(procedure, raw);
          expect(status).toBeLessThan(500);
          expect(text).not.toMatch(INTERNAL_TEXT);
        },
      ),
      { numRuns: 300, seed: 20260217 },
    );
  });
});
