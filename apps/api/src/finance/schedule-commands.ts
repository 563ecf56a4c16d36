import type { Executor } from "@defis/db";
import { lockedAllocation, payTranches, schema } from "@defis/db";
import {
  NotFound,
  Refusal,
  staleVersion,
  officerPathBetween,
  TRANCHE_STATUSES,
  type FundingModeKey,
  type MoveTrancheInput,
  type PlanScheduleInput,
  trancheStepRefusal,
  type SetTrancheGateInput,
  type UpdateFundingRecordInput,
} from "@defis/domain";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { recordAudit, type Actor } from "../audit/record-audit.js";
import { laureateIdOf } from "../laureates/laureate-ids.js";
import { refuseMoneyStep } from "./funding-guard.js";

const { allocations, fundingRecords, laureates, milestones, tranches } = schema;

type TrancheRow = typeof tranches.$inferSelect;

/** The tranche locked for a change on the version read, or a conflict showing it as it is now. */
/** A payment locks the allocation before its tranche: the ledger's lock order (packages/db/src/ledger.ts). */
async function lockAllocationOfTranche(db: Executor, trancheId: number): Promise<void> {
  const [tranche] = await db
    .select({ laureateId: tranches.laureateId })
    .from(tranches)
    .where(eq(tranches.id, trancheId));
  if (tranche) await lockedAllocation(db, tranche.laureateId);
}

async function lockTranche(db: Executor, trancheId: number, version: number): Promise<TrancheRow> {
  const [tranche] = await db.select().from(tranches).where(eq(tranches.id, trancheId)).for("update");
  if (!tranche) throw new NotFound("Cette tranche n'existe pas.");
  if (tranche.version !== version) {
    // The tranche as the page reads it (TrancheItem), without the internal columns.
    const {
      laureateId: _laureate,
      serviceFaitBy: _a,
      paymentRequestedBy: _b,
      paidBy: _c,
      cancelledBy: _d,
      isDemo: _e,
      ...current
    } = tranche;
    staleVersion(current);
  }
  return tranche;
}

/**
 * "Service fait" certifies the work a tranche pays for: when the tranche
 * waits for a milestone, that milestone must be reached. The milestone row is
 * read FOR SHARE so that it cannot leave "atteint" until this commits.
 */
async function refuseServiceFaitBeforeMilestone(db: Executor, tranche: TrancheRow): Promise<void> {
  if (tranche.gatingMilestoneId === null) return;
  const [gate] = await db
    .select({ title: milestones.title, status: milestones.status })
    .from(milestones)
    .where(eq(milestones.id, tranche.gatingMilestoneId))
    .for("share");
  const refusal = gate
    ? trancheStepRefusal("service_fait", { title: gate.title, reached: gate.status === "atteint" })
    : null;
  if (refusal) throw new Refusal(refusal);
}

async function titleOfMilestone(
  db: Executor,
  milestoneId: number,
  laureateId: number,
): Promise<string | null> {
  const [row] = await db
    .select({ title: milestones.title })
    .from(milestones)
    .where(and(eq(milestones.id, milestoneId), eq(milestones.laureateId, laureateId)));
  return row?.title ?? null;
}

/** Links a tranche still planned to the milestone it waits for (of the same laureate), or unlinks it. */
export async function setTrancheGate(db: Executor, actor: Actor, input: SetTrancheGateInput) {
  const tranche = await lockTranche(db, input.trancheId, input.version);
  if (tranche.status !== "prevu") {
    throw new Refusal("Seule une tranche encore « prévue » peut changer de jalon requis.");
  }
  const gateTitle =
    input.milestoneId === null ? null : await titleOfMilestone(db, input.milestoneId, tranche.laureateId);
  if (input.milestoneId !== null && gateTitle === null) {
    throw new NotFound("Ce jalon n'existe pas pour ce lauréat.");
  }
  const beforeTitle =
    tranche.gatingMilestoneId === null
      ? null
      : await titleOfMilestone(db, tranche.gatingMilestoneId, tranche.laureateId);
  await db
    .update(tranches)
    .set({ gatingMilestoneId: input.milestoneId, version: sql`${tranches.version} + 1` })
    .where(eq(tranches.id, tranche.id));
  await recordAudit(db, actor, {
    action: "tranche.jalon",
    entityId: tranche.id,
    laureateId: tranche.laureateId,
    before: { jalonRequis: beforeTitle },
    after: { jalonRequis: gateTitle },
  });
  return { trancheId: tranche.id, milestoneId: input.milestoneId };
}

/**
 * Sets the laureate's funding mode (kept on the laureate, whose version it
 * moves so that its own edit form sees the change) and creates the funding
 * record on version 0, or updates it on the version read.
 */
export async function updateFundingRecord(db: Executor, actor: Actor, input: UpdateFundingRecordInput) {
  const laureateId = await laureateIdOf(db, input.laureateSlug);
  const [laureate] = await db
    .select({ fundingMode: laureates.fundingMode })
    .from(laureates)
    .where(eq(laureates.id, laureateId))
    .for("update");
  const modeBefore = (laureate?.fundingMode ?? "non-precise") as FundingModeKey;
  const [before] = await db.select().from(fundingRecords).where(eq(fundingRecords.laureateId, laureateId));
  const { laureateSlug: _slug, version, idempotencyKey: _key, fundingMode, ...facts } = input;
  if (input.ejNumber) {
    const [taken] = await db
      .select({ laureateId: fundingRecords.laureateId })
      .from(fundingRecords)
      .where(and(eq(fundingRecords.ejNumber, input.ejNumber), ne(fundingRecords.laureateId, laureateId)));
    if (taken) throw new Refusal("Ce numéro d'EJ est déjà celui d'un autre lauréat.");
  }
  const written = before
    ? await db
        .update(fundingRecords)
        .set({ ...facts, version: sql`${fundingRecords.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(fundingRecords.laureateId, laureateId), eq(fundingRecords.version, version)))
        .returning({ version: fundingRecords.version })
    : version === 0
      ? await db
          .insert(fundingRecords)
          .values({ laureateId, ...facts })
          .onConflictDoNothing()
          .returning({ version: fundingRecords.version })
      : [];
  if (written.length === 0) {
    const { laureateId: _id, isDemo: _demo, updatedAt: _at, ...current } = before ?? { version: 0 };
    staleVersion({ ...current, fundingMode: modeBefore });
  }
  if (fundingMode !== modeBefore) {
    await db
      .update(laureates)
      .set({ fundingMode, version: sql`${laureates.version} + 1`, updatedAt: sql`now()` })
      .where(eq(laureates.id, laureateId));
  }
  const recorded = (record: typeof facts, mode: FundingModeKey) => ({
    modeFinancement: mode,
    dateConvention: record.conventionDate,
    numeroEj: record.ejNumber,
    siret: record.siret,
    rna: record.rna,
    conditionsVersement: record.paymentConditions,
  });
  await recordAudit(db, actor, {
    action: "financement.modification",
    entityId: input.laureateSlug,
    laureateId,
    before: before ? recorded(before, modeBefore) : { modeFinancement: modeBefore },
    after: recorded(facts, fundingMode),
  });
  return { version: written[0]?.version ?? 1 };
}

/** A planned tranche may wait only for a milestone of its own laureate. */
async function refuseForeignGates(
  db: Executor,
  laureateId: number,
  planned: PlanScheduleInput["tranches"],
): Promise<void> {
  const gateIds = [...new Set(planned.flatMap((tranche) => tranche.gatingMilestoneId ?? []))];
  if (gateIds.length === 0) return;
  const own = await db
    .select({ id: milestones.id })
    .from(milestones)
    .where(and(eq(milestones.laureateId, laureateId), inArray(milestones.id, gateIds)));
  if (own.length !== gateIds.length) throw new NotFound("Ce jalon n'existe pas pour ce lauréat.");
}

/** Replaces the still-planned tranches; their total with the tranches under way stays within the allocation. */
export async function planSchedule(db: Executor, actor: Actor, input: PlanScheduleInput) {
  const laureateId = await laureateIdOf(db, input.laureateSlug);
  const [allocation] = await db
    .select({ amountCents: allocations.amountCents })
    .from(allocations)
    .where(eq(allocations.laureateId, laureateId))
    .for("update");
  if (!allocation) throw new Refusal("Attribuez d'abord un montant à ce lauréat.");
  const kept = await db
    .select({ plannedAmountCents: tranches.plannedAmountCents, position: tranches.position })
    .from(tranches)
    .where(
      and(eq(tranches.laureateId, laureateId), ne(tranches.status, "prevu"), ne(tranches.status, "annule")),
    )
    .orderBy(asc(tranches.position));
  const total =
    kept.reduce((sum, tranche) => sum + tranche.plannedAmountCents, 0) +
    input.tranches.reduce((sum, tranche) => sum + tranche.plannedAmountCents, 0);
  if (total > allocation.amountCents) {
    throw new Refusal("L'échéancier dépasse le montant alloué : réduisez les tranches prévues.");
  }
  await refuseForeignGates(db, laureateId, input.tranches);
  await db.delete(tranches).where(and(eq(tranches.laureateId, laureateId), eq(tranches.status, "prevu")));
  const start = (kept.at(-1)?.position ?? 0) + 1;
  if (input.tranches.length > 0) {
    await db
      .insert(tranches)
      .values(input.tranches.map((tranche, index) => ({ laureateId, position: start + index, ...tranche })));
  }
  await recordAudit(db, actor, {
    action: "echeancier.planification",
    entityId: input.laureateSlug,
    laureateId,
    after: {
      tranches: input.tranches.map((tranche) => ({
        type: tranche.kind,
        montantCentimes: tranche.plannedAmountCents,
        datePrevue: tranche.plannedOn,
      })),
    },
  });
  return { planned: input.tranches.length };
}

/**
 * Moves a tranche one step forward by its lifecycle path, dated and
 * referenced, once the laureate's funding mode allows it. Paying it goes
 * through the ledger's one door (`payTranches`), within the allocation, in the
 * same transaction.
 */
export async function moveTranche(db: Executor, actor: Actor, input: MoveTrancheInput) {
  if (input.to === "paye") await lockAllocationOfTranche(db, input.trancheId);
  const tranche = await lockTranche(db, input.trancheId, input.version);
  const path = officerPathBetween(tranche.status, input.to);
  if (path === null) {
    throw new Refusal(
      `Une tranche « ${TRANCHE_STATUSES[tranche.status]} » ne peut pas passer à « ${TRANCHE_STATUSES[input.to]} ».`,
    );
  }
  if (input.to !== "annule") await refuseMoneyStep(db, tranche.laureateId, input.to, input.reference);
  if (input.to === "service_fait") await refuseServiceFaitBeforeMilestone(db, tranche);
  if (path === "payer") {
    await payTranches(db, { userId: actor.userId }, [
      {
        trancheId: tranche.id,
        path,
        amountCents: input.amountCents ?? tranche.plannedAmountCents,
        paidOn: input.on,
        reference: input.reference ?? null,
      },
    ]);
  } else {
    const step = {
      service_fait: { serviceFaitOn: input.on, serviceFaitBy: actor.userId },
      demande_paiement: {
        paymentRequestedOn: input.on,
        paymentRequestedBy: actor.userId,
        paymentRequestReference: input.reference ?? null,
      },
      annule: {
        cancelledOn: input.on,
        cancelledBy: actor.userId,
        cancellationReason: input.reason ?? null,
      },
    }[input.to as "service_fait" | "demande_paiement" | "annule"];
    await db
      .update(tranches)
      .set({ ...step, status: input.to, version: sql`${tranches.version} + 1` })
      .where(eq(tranches.id, tranche.id));
  }
  await recordAudit(db, actor, {
    action: "tranche.statut",
    entityId: tranche.id,
    laureateId: tranche.laureateId,
    before: { statut: tranche.status },
    after: {
      statut: input.to,
      date: input.on,
      reference: input.reference ?? null,
      motif: input.reason ?? null,
    },
  });
  return { trancheId: tranche.id, status: input.to };
}
