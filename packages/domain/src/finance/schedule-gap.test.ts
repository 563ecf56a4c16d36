import { describe, expect, it } from "vitest";
import {
  acceptScheduleGapSchema,
  isGapAccepted,
  rebalanceSchedule,
  scheduleGapCents,
  type ScheduledTranche,
} from "./index.js";

function tranche(position: number, amount: number, status: ScheduledTranche["status"] = "prevu") {
  return {
    kind: position === 1 ? "avance" : position === 3 ? "solde" : "acompte",
    position,
    plannedAmountCents: amount,
    plannedOn: `2025-0${position}-01`,
    status,
    gatingMilestoneId: position === 3 ? 7 : null,
  } satisfies ScheduledTranche;
}

describe("schedule gap", () => {
  it("is allocated − planned, cancelled tranches excepted", () => {
    expect(scheduleGapCents([tranche(1, 300), tranche(2, 500, "annule"), tranche(3, 200)], 1_000)).toBe(500);
    expect(scheduleGapCents([tranche(1, 900), tranche(2, 300)], 1_000)).toBe(-200);
  });

  it("gives a rise to the latest planned tranche, never to one under way", () => {
    const rebalance = rebalanceSchedule(
      [tranche(1, 300, "paye"), tranche(2, 500, "service_fait"), tranche(3, 200)],
      1_200,
    );
    expect(rebalance).toMatchObject({ gapCents: 200, absorbable: true, blocker: null });
    expect(rebalance.changes).toEqual([{ position: 3, kind: "solde", fromCents: 200, toCents: 400 }]);
    // The gate of the tranche follows it: planSchedule writes it back.
    expect(rebalance.planned).toEqual([
      { kind: "solde", plannedAmountCents: 400, plannedOn: "2025-03-01", gatingMilestoneId: 7 },
    ]);
  });

  it("takes a cut from the latest planned tranches first, withdrawing one brought to 0", () => {
    const rebalance = rebalanceSchedule([tranche(1, 300), tranche(2, 500), tranche(3, 200)], 700);
    expect(rebalance.changes).toEqual([
      { position: 2, kind: "acompte", fromCents: 500, toCents: 400 },
      { position: 3, kind: "solde", fromCents: 200, toCents: 0 },
    ]);
    expect(rebalance.planned.map((line) => line.plannedAmountCents)).toEqual([300, 400]);
    expect(rebalance.planned.reduce((sum, line) => sum + line.plannedAmountCents, 0)).toBe(700);
  });

  it("says when nothing planned can absorb the gap, and changes nothing", () => {
    expect(rebalanceSchedule([tranche(1, 300, "paye")], 500)).toMatchObject({
      absorbable: false,
      blocker: "aucune_tranche_prevue",
      changes: [],
    });
    const cut = rebalanceSchedule([tranche(1, 600, "demande_paiement"), tranche(2, 100)], 500);
    expect(cut).toMatchObject({
      gapCents: -200,
      absorbable: false,
      blocker: "tranches_engagees",
      changes: [],
    });
    expect(cut.planned.map((line) => line.plannedAmountCents)).toEqual([100]);
  });

  it("leaves a schedule that follows its allocation as it is", () => {
    expect(rebalanceSchedule([tranche(1, 300), tranche(3, 700)], 1_000)).toMatchObject({
      gapCents: 0,
      absorbable: true,
      changes: [],
    });
  });

  it("keeps a gap only with a reason, and only while it is the gap kept", () => {
    const input = { laureateSlug: "chu-toulouse-parkinson", gapCents: 0, reason: "x", idempotencyKey: "k" };
    expect(acceptScheduleGapSchema.safeParse(input).success).toBe(false);
    const accepted = { gapCents: 200, reason: "Solde en attente", acceptedAt: new Date(), actorName: null };
    expect(isGapAccepted({ gapCents: 200, accepted })).toBe(true);
    expect(isGapAccepted({ gapCents: 300, accepted })).toBe(false);
    expect(isGapAccepted({ gapCents: 0, accepted })).toBe(false);
  });
});
