import { describe, expect, it } from "vitest";
import type { DashboardFigures } from "./dashboard.js";
import { keyFigureChanges, laureatesNeedingDecision } from "./synthesis.js";

describe("keyFigureChanges", () => {
  const current = {
    envelopeCents: 300_000_000,
    allocatedCents: 250_000_000,
    committedCents: 200_000_000,
    uncommittedCents: 50_000_000,
    paidCents: 120_000_000,
    remainingToPayCents: 80_000_000,
  } as DashboardFigures;

  it("signs the change of each figure since the previous review", () => {
    const changes = keyFigureChanges(current, {
      envelopeCents: 300_000_000,
      allocatedCents: 240_000_000,
      committedCents: 210_000_000,
      paidCents: 100_000_000,
      remainingToPayCents: 110_000_000,
    });
    expect(changes.map((change) => [change.key, change.changeCents])).toEqual([
      ["envelopeCents", 0],
      ["allocatedCents", 10_000_000],
      ["committedCents", -10_000_000],
      // A review frozen before the figure existed: no change rather than a wrong one.
      ["uncommittedCents", null],
      ["paidCents", 20_000_000],
      ["remainingToPayCents", -30_000_000],
    ]);
  });

  it("says nothing of a change without a previous review", () => {
    expect(keyFigureChanges(current, null).every((change) => change.changeCents === null)).toBe(true);
  });
});

describe("laureatesNeedingDecision", () => {
  const laureates = [
    { id: 1, slug: "a", title: "A" },
    { id: 2, slug: "b", title: "B" },
    { id: 3, slug: "c", title: "C" },
    { id: 4, slug: "d", title: "D" },
  ];
  const schedule = [
    { laureateId: 2, status: "prevu" as const, plannedOn: "2025-05-01", plannedAmountCents: 100 },
    { laureateId: 2, status: "demande_paiement" as const, plannedOn: "2025-05-31", plannedAmountCents: 50 },
    // Planned on the day itself: not late yet.
    { laureateId: 3, status: "prevu" as const, plannedOn: "2025-06-01", plannedAmountCents: 70 },
    { laureateId: 4, status: "paye" as const, plannedOn: "2025-01-01", plannedAmountCents: 90 },
  ];

  it("lists each reason on the day, most reasons first, then in the portfolio's order", () => {
    expect(
      laureatesNeedingDecision({
        asOf: "2025-06-01",
        laureates,
        stormy: new Set([1, 2]),
        weatherToVerify: new Set(["c"]),
        anomalies: new Map([
          ["b", 2],
          ["d", 0],
        ]),
        schedule,
      }),
    ).toEqual([
      {
        slug: "b",
        title: "B",
        reasons: [
          { kind: "orage" },
          { kind: "tranches_en_retard", count: 2, amountCents: 150 },
          { kind: "anomalies", count: 2 },
        ],
      },
      { slug: "a", title: "A", reasons: [{ kind: "orage" }] },
      { slug: "c", title: "C", reasons: [{ kind: "meteo_a_verifier" }] },
    ]);
  });

  it("on a past day, lists only what can be recomputed", () => {
    const listed = laureatesNeedingDecision({
      asOf: "2025-06-01",
      laureates,
      stormy: new Set(),
      weatherToVerify: null,
      anomalies: null,
      schedule,
    });
    expect(listed.map((entry) => entry.slug)).toEqual(["b"]);
  });
});
