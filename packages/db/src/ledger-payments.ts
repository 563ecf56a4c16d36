import {
  canTake,
  formatCents,
  OPEN_TRANCHE_STATUSES,
  statusesFrom,
  TRANCHE_PATHS,
  TRANCHE_STATUSES,
  type PayingPath,
} from "@defis/domain";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { rowsOf } from "./backup.js";
import type { Executor } from "./database.js";
import { LedgerRefusal, lockedAllocation, lockedAllocations, type LedgerActor } from "./ledger-core.js";
import { allocations, payments, tranches } from "./schema/index.js";

type PaymentSource = "saisie" | "import";

/** A payment row to insert: always a tranche's, or outside the schedule with its reason. */
interface PaymentRow {
  laureateId: number;
  amountCents: number;
  paidOn: string;
  reference: string | null;
  trancheId: number | null;
  reason: string | null;
  source: PaymentSource;
}

/** A payment the ledger refused, and which one of those it was given. */
export class PaymentRefusal extends LedgerRefusal {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
    this.name = "PaymentRefusal";
  }
}

/**
 * The first payment, in the given order, that its allocation no longer covers
 * once the earlier ones are paid; null when all are covered.
 */
function firstUncovered(
  rows: readonly PaymentRow[],
  locked: Awaited<ReturnType<typeof lockedAllocations>>,
): PaymentRefusal | null {
  const remaining = new Map(locked.map((row) => [row.laureateId, row.amountCents - row.paidCents]));
  for (const [index, row] of rows.entries()) {
    const left = remaining.get(row.laureateId);
    if (left === undefined)
      return new PaymentRefusal("Ce lauréat n'a pas d'allocation : attribuez d'abord un montant.", index);
    if (row.amountCents > left)
      return new PaymentRefusal(
        `Ce versement dépasserait le montant alloué : il reste ${formatCents(left)} à payer.`,
        index,
      );
    remaining.set(row.laureateId, left - row.amountCents);
  }
  return null;
}

/**
 * Inserts payments, all or none, in three statements whatever their number:
 * the allocations are locked and checked, each paid amount raised once, the
 * payments inserted together. 50 concurrent payments against a 1 000 €
 * allocation pay exactly 1 000 €, on PostgreSQL as on PGlite. A refusal,
 * thrown before any write, names the first payment not covered. Not exported:
 * a payment goes in through `payTranches` or `recordPaymentsOutsideSchedule`.
 */
async function insertPayments(db: Executor, actor: LedgerActor, rows: readonly PaymentRow[]) {
  const invalid = rows.findIndex((row) => !Number.isSafeInteger(row.amountCents) || row.amountCents <= 0);
  if (invalid >= 0) {
    throw new PaymentRefusal(
      "Le montant d'un versement doit être un nombre entier de centimes, positif.",
      invalid,
    );
  }
  if (rows.length === 0) return [];
  const paidByLaureate = new Map<number, number>();
  for (const row of rows) {
    paidByLaureate.set(row.laureateId, (paidByLaureate.get(row.laureateId) ?? 0) + row.amountCents);
  }
  const refusal = firstUncovered(rows, await lockedAllocations(db, [...paidByLaureate.keys()]));
  if (refusal) throw refusal;
  const added = sql.join(
    [...paidByLaureate].map(([id, cents]) => sql`(${id}::integer, ${cents}::bigint)`),
    sql`, `,
  );
  await db
    .update(allocations)
    .set({ paidCents: sql`${allocations.paidCents} + added.cents`, updatedAt: sql`now()` })
    .from(sql`(values ${added}) as added (laureate_id, cents)`)
    .where(sql`${allocations.laureateId} = added.laureate_id`);
  // Seven arrays, one per column, whatever the number of rows: a hundred thousand payments of an
  // import stay one statement (a VALUES list would bind nine parameters a row, past PostgreSQL's
  // 65 535). unnest reads the arrays in order, so the ids come back in the order of `rows`; sorting
  // them again cost a third of the time of 100 000 rows on PGlite.
  const column = <T>(pick: (row: PaymentRow) => T) => sql.param(rows.map(pick));
  const created = await rowsOf<{ id: number }>(
    db,
    sql`
    insert into ${payments} (laureate_id, amount_cents, paid_on, reference, tranche_id, reason, source, actor_user_id, is_demo)
    select laureate_id, amount_cents, paid_on, reference, tranche_id, reason, source, ${actor.userId}::integer, ${actor.isDemo ?? false}::boolean
    from unnest(
      ${column((row) => row.laureateId)}::integer[], ${column((row) => row.amountCents)}::bigint[],
      ${column((row) => row.paidOn)}::date[], ${column((row) => row.reference)}::text[],
      ${column((row) => row.trancheId)}::integer[], ${column((row) => row.reason)}::text[],
      ${column((row) => row.source)}::text[]
    ) as row (laureate_id, amount_cents, paid_on, reference, tranche_id, reason, source)
    returning id`,
  );
  return created.map((row) => row.id);
}

/** The payment of one tranche, by the officer's step or observed by an import. */
export interface TranchePayment {
  trancheId: number;
  path: PayingPath;
  /** The amount actually paid; the tranche's planned amount by default. */
  amountCents?: number;
  paidOn: string;
  reference?: string | null;
  /** For an import: its day, which dates a service fait or payment request the tranche lacks. */
  observedOn?: string;
}

/**
 * The only way a tranche is paid, for one tranche or thousands in five
 * statements: the tranches locked and checked against their path
 * (`lifecycle.ts`), their payments recorded (allocations locked and raised,
 * payments inserted), the tranches marked paid. A tranche paid by an import that lacked its service
 * fait or payment request gets them dated by the import's day. So a tranche
 * reads "payé" exactly when its payment exists. All or none; a refusal names
 * the payment in cause.
 */
export async function payTranches(
  db: Executor,
  actor: LedgerActor,
  list: readonly TranchePayment[],
  source: PaymentSource = "saisie",
): Promise<number[]> {
  if (list.length === 0) return [];
  const seen = new Map<number, number>();
  for (const [index, payment] of list.entries()) {
    if (seen.has(payment.trancheId))
      throw new PaymentRefusal("Deux versements ne peuvent pas payer la même tranche.", index);
    seen.set(payment.trancheId, index);
  }
  const locked = await db
    .select({
      id: tranches.id,
      laureateId: tranches.laureateId,
      status: tranches.status,
      plannedAmountCents: tranches.plannedAmountCents,
    })
    .from(tranches)
    .where(sql`${tranches.id} = any(${sql.param([...seen.keys()])}::integer[])`)
    .orderBy(asc(tranches.id))
    .for("update");
  const byId = new Map(locked.map((tranche) => [tranche.id, tranche]));
  const rows = list.map((payment, index): PaymentRow => {
    const tranche = byId.get(payment.trancheId);
    if (!tranche) throw new PaymentRefusal("Cette tranche n'existe pas.", index);
    if (!canTake(payment.path, tranche.status)) {
      throw new PaymentRefusal(
        `Une tranche « ${TRANCHE_STATUSES[tranche.status]} » ne peut pas passer à « ${TRANCHE_STATUSES[TRANCHE_PATHS[payment.path].to]} ».`,
        index,
      );
    }
    return {
      laureateId: tranche.laureateId,
      amountCents: payment.amountCents ?? tranche.plannedAmountCents,
      paidOn: payment.paidOn,
      reference: payment.reference ?? null,
      trancheId: tranche.id,
      reason: null,
      source,
    };
  });
  const ids = await insertPayments(db, actor, rows);
  const paid = sql`unnest(
    ${sql.param(list.map((payment) => payment.trancheId))}::integer[],
    ${sql.param(list.map((payment) => payment.paidOn))}::date[],
    ${sql.param(list.map((payment) => payment.observedOn ?? null))}::date[]
  ) as paid (tranche_id, paid_on, observed_on)`;
  const by = actor.userId;
  await db
    .update(tranches)
    .set({
      status: "paye",
      paidOn: sql`paid.paid_on`,
      paidBy: by,
      serviceFaitBy: sql`case when ${tranches.serviceFaitOn} is null then ${by}::integer else ${tranches.serviceFaitBy} end`,
      serviceFaitOn: sql`coalesce(${tranches.serviceFaitOn}, paid.observed_on)`,
      paymentRequestedBy: sql`case when ${tranches.paymentRequestedOn} is null then ${by}::integer else ${tranches.paymentRequestedBy} end`,
      paymentRequestedOn: sql`coalesce(${tranches.paymentRequestedOn}, paid.observed_on)`,
      version: sql`${tranches.version} + 1`,
    })
    .from(paid)
    .where(and(sql`${tranches.id} = paid.tranche_id`, inArray(tranches.status, [...OPEN_TRANCHE_STATUSES])));
  return ids;
}

/** A payment that no tranche plans, with the reason it is made outside the schedule. */
export interface OutsideSchedulePayment {
  laureateId: number;
  amountCents: number;
  paidOn: string;
  reference?: string | null;
  reason: string;
}

/** Records payments outside the schedule ("hors échéancier"); each says why. All or none. */
export async function recordPaymentsOutsideSchedule(
  db: Executor,
  actor: LedgerActor,
  list: readonly OutsideSchedulePayment[],
  source: PaymentSource = "saisie",
): Promise<number[]> {
  const unexplained = list.findIndex((payment) => payment.reason.trim().length < 5);
  if (unexplained >= 0) {
    throw new PaymentRefusal(
      "Un versement hors échéancier dit pourquoi : indiquez le motif (5 caractères au moins).",
      unexplained,
    );
  }
  return insertPayments(
    db,
    actor,
    list.map((payment) => ({
      laureateId: payment.laureateId,
      amountCents: payment.amountCents,
      paidOn: payment.paidOn,
      reference: payment.reference ?? null,
      trancheId: null,
      reason: payment.reason.trim(),
      source,
    })),
  );
}

/** One payment outside the schedule: `recordPaymentsOutsideSchedule` for a single one. */
export async function recordPaymentOutsideSchedule(
  db: Executor,
  actor: LedgerActor,
  payment: OutsideSchedulePayment,
  source: PaymentSource = "saisie",
): Promise<number> {
  const [id] = await recordPaymentsOutsideSchedule(db, actor, [payment], source);
  if (id === undefined) throw new Error("Le versement n'a pas été enregistré.");
  return id;
}

/**
 * Cancels a payment by a reversal entry; the payment itself is never changed.
 * A tranche it paid reopens by its lifecycle path, to be paid again.
 */
export async function reversePayment(
  db: Executor,
  actor: LedgerActor,
  reversal: { paymentId: number; reason: string; reversedOn: string },
): Promise<{ reversalId: number; laureateId: number; amountCents: number }> {
  const [original] = await db
    .select()
    .from(payments)
    .where(eq(payments.id, reversal.paymentId))
    .for("update");
  if (!original) throw new LedgerRefusal("Ce versement n'existe pas.");
  if (original.reversesPaymentId !== null)
    throw new LedgerRefusal("Une contre-passation ne se contre-passe pas.");
  const [already] = await db
    .select({ id: payments.id })
    .from(payments)
    .where(eq(payments.reversesPaymentId, original.id));
  if (already) throw new LedgerRefusal("Ce versement a déjà été contre-passé.");
  // The allocation before the tranche: the ledger's lock order (ledger.ts).
  await lockedAllocation(db, original.laureateId);
  if (original.trancheId !== null) {
    const reopen = TRANCHE_PATHS.rouvrir_par_contre_passation;
    await db
      .update(tranches)
      .set({ status: reopen.to, paidOn: null, paidBy: null, version: sql`${tranches.version} + 1` })
      .where(
        and(
          eq(tranches.id, original.trancheId),
          inArray(tranches.status, [...statusesFrom("rouvrir_par_contre_passation")]),
        ),
      );
  }
  await db
    .update(allocations)
    .set({ paidCents: sql`${allocations.paidCents} - ${original.amountCents}`, updatedAt: sql`now()` })
    .where(eq(allocations.laureateId, original.laureateId));
  const [created] = await db
    .insert(payments)
    .values({
      laureateId: original.laureateId,
      trancheId: original.trancheId,
      amountCents: -original.amountCents,
      paidOn: reversal.reversedOn,
      reference: original.reference,
      reversesPaymentId: original.id,
      reason: reversal.reason,
      actorUserId: actor.userId,
      isDemo: actor.isDemo ?? false,
    })
    .returning({ id: payments.id });
  if (!created) throw new Error("La contre-passation n'a pas été enregistrée.");
  return { reversalId: created.id, laureateId: original.laureateId, amountCents: original.amountCents };
}
