import { schema } from "@defis/db";
import type { TestDatabaseHandle } from "@defis/db/testing";
import { isGapAccepted, rebalanceSchedule } from "@defis/domain";
import { and, asc, desc, eq, gt, isNull, ne } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs, createTestDatabase, DEMO_EMAILS } from "../testing/test-app.js";

const { allocations, auditEvents, laureates, milestones, tranches } = schema;

describe("a schedule that follows its allocation", () => {
  let database: TestDatabaseHandle;
  let officer: Awaited<ReturnType<typeof callerAs>>;
  /** A laureate whose solde is still planned, and one allocated with no schedule. */
  let scheduled: string;
  let unscheduled: string;
  const key = () => randomUUID();

  beforeAll(async () => {
    database = await createTestDatabase();
    officer = await callerAs(database, DEMO_EMAILS.officer);
    const candidates = await database.db
      .selectDistinct({ slug: laureates.slug, position: laureates.position })
      .from(tranches)
      .innerJoin(laureates, eq(laureates.id, tranches.laureateId))
      .innerJoin(milestones, eq(milestones.laureateId, laureates.id))
      .where(and(eq(tranches.status, "prevu"), ne(milestones.status, "atteint")))
      .orderBy(asc(laureates.position));
    // Not the laureate whose gap the demonstration opens on purpose (for the controls page).
    const gaps = await Promise.all(
      candidates.map(async ({ slug }) => ({ slug, gap: await officer.finance.scheduleGap({ slug }) })),
    );
    const withPlanned = gaps.find(({ gap }) => gap.gapCents === 0);
    const [withoutSchedule] = await database.db
      .select({ slug: laureates.slug })
      .from(allocations)
      .innerJoin(laureates, eq(laureates.id, allocations.laureateId))
      .leftJoin(tranches, eq(tranches.laureateId, laureates.id))
      .where(and(isNull(tranches.id), gt(allocations.amountCents, 2_000_000)))
      .orderBy(asc(laureates.position))
      .limit(1);
    if (!withPlanned || !withoutSchedule) throw new Error("données de démonstration inattendues");
    scheduled = withPlanned.slug;
    unscheduled = withoutSchedule.slug;
  });
  afterAll(() => database.close());

  it("shows the gap a reallocation opens, and closes it with the rebalanced schedule, gates kept", async () => {
    const before = await officer.finance.scheduleGap({ slug: scheduled });
    expect(before.gapCents).toBe(0);
    // The planned solde waits for a milestone: the rebalanced schedule keeps that gate.
    const { tranches: current } = await officer.finance.forLaureate({ slug: scheduled });
    const solde = current.filter((tranche) => tranche.status === "prevu").at(-1);
    const [milestone] = await officer.progress
      .forLaureate({ slug: scheduled })
      .then((progress) => progress.milestones.filter((item) => item.status !== "atteint"));
    if (!solde || !milestone) throw new Error("pas de tranche prévue ou de jalon");
    await officer.finance.setTrancheGate({
      trancheId: solde.id,
      version: solde.version,
      milestoneId: milestone.id,
      idempotencyKey: key(),
    });

    await officer.finance.reallocate({
      fromLaureateSlug: unscheduled,
      toLaureateSlug: scheduled,
      amountCents: 2_000_000,
      reason: "Hausse de 20 000 € après le comité",
      idempotencyKey: key(),
    });
    const gap = await officer.finance.scheduleGap({ slug: scheduled });
    expect(gap).toMatchObject({ gapCents: 2_000_000, plannedCents: before.plannedCents, accepted: null });

    const finance = await officer.finance.forLaureate({ slug: scheduled });
    const rebalance = rebalanceSchedule(finance.tranches, finance.allocation?.amountCents ?? 0);
    expect(rebalance.changes).toEqual([
      {
        position: solde.position,
        kind: solde.kind,
        fromCents: solde.plannedAmountCents,
        toCents: solde.plannedAmountCents + 2_000_000,
      },
    ]);
    await officer.finance.planSchedule({
      laureateSlug: scheduled,
      tranches: rebalance.planned,
      idempotencyKey: key(),
    });
    expect((await officer.finance.scheduleGap({ slug: scheduled })).gapCents).toBe(0);
    const after = (await officer.finance.forLaureate({ slug: scheduled })).tranches.at(-1);
    expect(after).toMatchObject({
      plannedAmountCents: solde.plannedAmountCents + 2_000_000,
      gatingMilestoneId: milestone.id,
    });
  });

  it("refuses a gate on another laureate's milestone", async () => {
    const finance = await officer.finance.forLaureate({ slug: scheduled });
    const [foreign] = await database.db
      .select({ id: milestones.id })
      .from(milestones)
      .innerJoin(laureates, eq(laureates.id, milestones.laureateId))
      .where(ne(laureates.slug, scheduled))
      .limit(1);
    const planned = rebalanceSchedule(finance.tranches, finance.allocation?.amountCents ?? 0).planned;
    await expect(
      officer.finance.planSchedule({
        laureateSlug: scheduled,
        tranches: planned.map((tranche) => ({ ...tranche, gatingMilestoneId: foreign?.id ?? 0 })),
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await officer.finance.forLaureate({ slug: scheduled })).tranches).toEqual(finance.tranches);
  });

  it("keeps a gap only as read, with its reason, in the journal, and asks again once it moves", async () => {
    const gap = await officer.finance.scheduleGap({ slug: unscheduled });
    expect(gap.gapCents).toBe(gap.allocatedCents);
    await expect(
      officer.finance.acceptScheduleGap({
        laureateSlug: unscheduled,
        gapCents: gap.gapCents + 1,
        reason: "Échéancier attendu",
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("a changé") as unknown });
    expect((await officer.finance.scheduleGap({ slug: unscheduled })).accepted).toBeNull();

    await officer.finance.acceptScheduleGap({
      laureateSlug: unscheduled,
      gapCents: gap.gapCents,
      reason: "Convention en cours de signature",
      idempotencyKey: key(),
    });
    const kept = await officer.finance.scheduleGap({ slug: unscheduled });
    expect(kept.accepted).toMatchObject({
      gapCents: gap.gapCents,
      reason: "Convention en cours de signature",
      actorName: expect.any(String) as unknown,
    });
    expect(isGapAccepted(kept)).toBe(true);
    const [event] = await database.db
      .select({ action: auditEvents.action, after: auditEvents.after })
      .from(auditEvents)
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(event).toEqual({
      action: "echeancier.ecart",
      after: { ecartCentimes: gap.gapCents, motif: "Convention en cours de signature" },
    });

    await officer.finance.setAllocation({
      laureateSlug: unscheduled,
      amountCents: gap.allocatedCents - 100,
      reason: "Baisse de test",
      idempotencyKey: key(),
    });
    expect(isGapAccepted(await officer.finance.scheduleGap({ slug: unscheduled }))).toBe(false);
  });

  it("refuses to keep a gap that is not there", async () => {
    await expect(
      officer.finance.acceptScheduleGap({
        laureateSlug: scheduled,
        gapCents: 100,
        reason: "Aucun écart",
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("plus d'écart") as unknown,
    });
  });
});
