import { ledgerInvariantBreaches } from "@defis/db/synthetic";
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import pg from "pg";
import type { Dataset } from "./dataset.js";
import { signIn, trpcMutation, trpcQuery, type Client } from "./http.js";
import { startInstances } from "./instances.js";
import { FINANCE_SLUG } from "./scenarios.js";

export interface ThroughputResult {
  oneInstance: number;
  twoInstances: number;
  ratio: number;
  errors: number;
  payments: number;
  invariantBreaches: string[];
  concurrency: number;
  seconds: number;
}

/**
 * What the users of the portfolio do, by weight: mostly reads, one payment in twenty requests, made as an
 * officer makes it: the "payé" step of a requested tranche (`finance.moveTranche`), each tranche once.
 */
function pickRequest(
  clients: Client[],
  slugs: string[],
  requested: number[],
  tick: number,
): Promise<"payment" | "read"> {
  const client = clients[tick % clients.length] as Client;
  const slug = slugs[tick % slugs.length] ?? FINANCE_SLUG;
  const trancheId = tick % 20 === 0 ? requested.pop() : undefined;
  switch (trancheId === undefined ? tick % 20 || 20 : 0) {
    case 0:
      return trpcMutation(client, "finance.moveTranche", {
        trancheId,
        version: 1,
        to: "paye",
        on: "2025-01-15",
        // Less than planned: the synthetic allocations leave room for it; a transfer carries its reference.
        amountCents: 100,
        reference: `BANC-${trancheId}`,
        idempotencyKey: randomUUID(),
      }).then(async (response) => {
        await response.body?.cancel();
        if (response.status !== 200) throw new Error(`moveTranche : HTTP ${response.status}`);
        return "payment" as const;
      });
    case 1:
    case 2:
    case 3:
    case 4:
    case 5:
      return trpcQuery(client, "programme.overview").then(() => "read" as const);
    case 6:
    case 7:
    case 8:
    case 9:
      return trpcQuery(client, "finance.monthly").then(() => "read" as const);
    case 10:
    case 11:
    case 12:
    case 13:
      return trpcQuery(client, "laureates.list", { category: "numerique", q: "projet 12" }).then(
        () => "read",
      );
    default:
      return trpcQuery(client, "finance.forLaureate", { slug }).then(() => "read" as const);
  }
}

/** Closed loop: `concurrency` users, each sending its next request as soon as the last one is answered. */
async function run(
  clients: Client[],
  slugs: string[],
  requested: number[],
  concurrency: number,
  seconds: number,
): Promise<{ perSecond: number; errors: number; payments: number }> {
  const end = performance.now() + seconds * 1000;
  let done = 0;
  let errors = 0;
  let payments = 0;
  let tick = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        tick += 1;
        try {
          if ((await pickRequest(clients, slugs, requested, tick)) === "payment") payments += 1;
          done += 1;
        } catch {
          errors += 1;
        }
      }
    }),
  );
  return { perSecond: done / seconds, errors, payments };
}

/**
 * One API process against two behind a round robin, on the same PostgreSQL
 * database, rounds interleaved (1, 2, 1, 2); then the ledger's invariants.
 */
export async function measureThroughput(
  dataset: Dataset,
  officer: { email: string; password: string },
  { concurrency, seconds, rounds }: { concurrency: number; seconds: number; rounds: number },
): Promise<ThroughputResult> {
  if (!dataset.url) throw new Error("Deux instances demandent PostgreSQL.");
  const instances = await startInstances(dataset.url, 2);
  try {
    const clients = await Promise.all(
      instances.map((instance) => signIn(instance.baseUrl, officer.email, officer.password)),
    );
    const pool = new pg.Pool({ connectionString: dataset.url, max: 1 });
    const slugs = (
      await pool.query<{ slug: string }>(
        `select l.slug from laureate l join allocation a on a.laureate_id = l.id
         where a.amount_cents - a.paid_cents >= 100000 order by l.id desc limit 200`,
      )
    ).rows.map((row) => row.slug);
    // Tranches of committed synthetic laureates (a mode set), brought to their payment request for the
    // "payé" step: the schedule and the ledger must still agree once the race is over.
    const requested = (
      await pool.query<{ id: number }>(
        `update tranche t set status = 'demande_paiement', service_fait_on = date '2024-12-01',
                payment_requested_on = date '2024-12-15'
         from laureate l where l.id = t.laureate_id and l.slug like 'synthetique-%'
           and l.funding_mode <> 'non-precise' and t.status = 'prevu'
           and t.id in (select id from tranche where status = 'prevu' order by id desc limit 20000)
         returning t.id`,
      )
    ).rows.map((row) => row.id);
    await pool.end();
    const one: number[] = [];
    const two: number[] = [];
    let errors = 0;
    let payments = 0;
    await run(clients, slugs, requested, concurrency, 2); // warm-up of both processes
    for (let round = 0; round < rounds; round += 1) {
      const single = await run(clients.slice(0, 1), slugs, requested, concurrency, seconds);
      const pair = await run(clients, slugs, requested, concurrency, seconds);
      one.push(single.perSecond);
      two.push(pair.perSecond);
      errors += single.errors + pair.errors;
      payments += single.payments + pair.payments;
    }
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    return {
      oneInstance: mean(one),
      twoInstances: mean(two),
      ratio: mean(two) / mean(one),
      errors,
      payments,
      invariantBreaches: await ledgerInvariantBreaches(dataset.handle.db),
      concurrency,
      seconds,
    };
  } finally {
    await Promise.all(instances.map((instance) => instance.stop()));
  }
}
