import type { Executor } from "@defis/db";
import { lockedAllocations, schema } from "@defis/db";
import { statusesFrom, type FundingModeKey, type TrancheKind, type TrancheStatus } from "@defis/domain";
import { and, eq, inArray, sql } from "drizzle-orm";

const { allocations, fundingRecords, laureates, tranches } = schema;

/** The statuses from which an import may pay a tranche: its lifecycle path says. */
const PAYABLE_BY_IMPORT = statusesFrom("constater_par_import");

export interface OpenTranche {
  id: number;
  kind: TrancheKind;
  position: number;
  plannedOn: string;
  plannedAmountCents: number;
  status: TrancheStatus;
  version: number;
}

/** What the import needs to know of one laureate, read once, then kept up to date row after row. */
export interface LaureateLedger {
  id: number;
  slug: string;
  title: string;
  /** Allocation minus what is paid, minus the earlier rows of the file; null without an allocation. */
  remainingCents: number | null;
  /** Open tranches not yet claimed by an earlier row of the file, earliest first. */
  openTranches: OpenTranche[];
  fundingMode: FundingModeKey;
  conventionDate: string | null;
  ejNumber: string;
  /** What the rows were decided on, as read: the application checks it still holds, under its locks. */
  fingerprint: string;
}

const anyOf = (values: readonly (number | string)[], type: "integer" | "text") =>
  sql`any(${sql.param(values)}::${sql.raw(type)}[])`;

/**
 * The laureates of these EJ numbers, with their allocation and open tranches,
 * in two statements. `lock`, for the application: their allocations are
 * locked first, in laureate order, then their open tranches (the ledger's lock
 * order, ledger.ts), so that what is read cannot change until the end of the
 * transaction.
 */
export async function readLaureateLedgers(
  db: Executor,
  ejNumbers: readonly string[],
  lock: boolean,
): Promise<Map<string, LaureateLedger>> {
  if (lock) {
    const holders = await db
      .selectDistinct({ id: fundingRecords.laureateId })
      .from(fundingRecords)
      .where(sql`${fundingRecords.ejNumber} = ${anyOf(ejNumbers, "text")}`);
    if (holders.length > 0)
      await lockedAllocations(
        db,
        holders.map((holder) => holder.id),
      );
  }
  const found = await db
    .select({
      ejNumber: fundingRecords.ejNumber,
      id: laureates.id,
      slug: laureates.slug,
      title: laureates.title,
      fundingMode: laureates.fundingMode,
      conventionDate: fundingRecords.conventionDate,
      amountCents: allocations.amountCents,
      paidCents: allocations.paidCents,
    })
    .from(fundingRecords)
    .innerJoin(laureates, eq(laureates.id, fundingRecords.laureateId))
    .leftJoin(allocations, eq(allocations.laureateId, laureates.id))
    .where(sql`${fundingRecords.ejNumber} = ${anyOf(ejNumbers, "text")}`);
  const ledgers = new Map<string, LaureateLedger>();
  if (found.length === 0) return ledgers;
  const open = db
    .select({
      laureateId: tranches.laureateId,
      id: tranches.id,
      kind: tranches.kind,
      position: tranches.position,
      plannedOn: tranches.plannedOn,
      plannedAmountCents: tranches.plannedAmountCents,
      status: tranches.status,
      version: tranches.version,
    })
    .from(tranches)
    .where(
      and(
        sql`${tranches.laureateId} = ${anyOf(
          found.map((laureate) => laureate.id),
          "integer",
        )}`,
        inArray(tranches.status, [...PAYABLE_BY_IMPORT]),
      ),
    )
    // Earliest first: by planned date, then by position in the schedule.
    .orderBy(tranches.laureateId, tranches.plannedOn, tranches.position);
  const openTranches = (lock ? await open.for("update") : await open) as (OpenTranche & {
    laureateId: number;
  })[];
  const openByLaureate = new Map<number, OpenTranche[]>();
  for (const { laureateId, ...tranche } of openTranches) {
    openByLaureate.set(laureateId, [...(openByLaureate.get(laureateId) ?? []), tranche]);
  }
  for (const laureate of found) {
    if (laureate.ejNumber === null) continue;
    const remainingCents =
      laureate.amountCents === null ? null : laureate.amountCents - (laureate.paidCents ?? 0);
    const open = openByLaureate.get(laureate.id) ?? [];
    ledgers.set(laureate.ejNumber, {
      id: laureate.id,
      slug: laureate.slug,
      title: laureate.title,
      remainingCents,
      openTranches: open,
      fundingMode: laureate.fundingMode as FundingModeKey,
      conventionDate: laureate.conventionDate,
      ejNumber: laureate.ejNumber,
      fingerprint: JSON.stringify([
        laureate.id,
        laureate.fundingMode,
        laureate.conventionDate,
        laureate.amountCents,
        laureate.paidCents,
        open.map((tranche) => [tranche.id, tranche.status, tranche.version, tranche.plannedAmountCents]),
      ]),
    });
  }
  return ledgers;
}
