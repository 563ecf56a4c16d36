import { describe, expect, it } from "vitest";
import { blockedByMilestoneCents, isCommittedOn, isTrancheOpenOn, laureateMoneyFigures } from "./index.js";

describe("money figures on a day", () => {
  const signed = { conventionDate: "2022-03-01", ejNumber: "2100012345" };

  it("commits by the mode's rule, from the day of the decision", () => {
    expect(isCommittedOn("subvention", signed, "2022-03-01")).toBe(true);
    expect(isCommittedOn("subvention", signed, "2022-02-28")).toBe(false);
    expect(isCommittedOn("subvention", { ...signed, ejNumber: null }, "2024-01-01")).toBe(false);
    expect(isCommittedOn("transfert", { ...signed, ejNumber: null }, "2024-01-01")).toBe(true);
    expect(isCommittedOn("non-precise", signed, "2024-01-01")).toBe(false);
  });

  it("counts a tranche paid or cancelled after the day as open on the day", () => {
    const paid = { status: "paye" as const, paidOn: "2024-05-01", cancelledOn: null };
    expect(isTrancheOpenOn(paid, "2024-04-30")).toBe(true);
    expect(isTrancheOpenOn(paid, "2024-05-01")).toBe(false);
    expect(isTrancheOpenOn({ status: "prevu", paidOn: null, cancelledOn: null }, "2024-05-01")).toBe(true);
  });

  it("blocks the open tranches whose milestone was not reached by the day", () => {
    const tranches = [
      { status: "prevu" as const, plannedAmountCents: 100, paidOn: null, cancelledOn: null, gate: null },
      {
        status: "prevu" as const,
        plannedAmountCents: 200,
        paidOn: null,
        cancelledOn: null,
        gate: { reachedOn: null },
      },
      {
        status: "service_fait" as const,
        plannedAmountCents: 400,
        paidOn: null,
        cancelledOn: null,
        gate: { reachedOn: "2024-03-01" },
      },
      {
        status: "annule" as const,
        plannedAmountCents: 800,
        paidOn: null,
        cancelledOn: "2024-01-01",
        gate: { reachedOn: null },
      },
    ];
    expect(blockedByMilestoneCents(tranches, "2024-06-01")).toBe(200);
    expect(blockedByMilestoneCents(tranches, "2024-02-01")).toBe(600);
  });

  it("splits the allocation into committed and not, restes à payer on the committed only", () => {
    const figures = (mode: "subvention" | "non-precise") =>
      laureateMoneyFigures(
        { mode, facts: signed, allocatedCents: 1_000, paidCents: 300, tranches: [] },
        "2024-01-01",
      );
    expect(figures("subvention")).toMatchObject({
      committedCents: 1_000,
      uncommittedCents: 0,
      remainingToPayCents: 700,
    });
    // Money paid without a commitment is not hidden in a restes à payer of 0: it stays "non engagé".
    expect(figures("non-precise")).toMatchObject({
      committedCents: 0,
      uncommittedCents: 1_000,
      remainingToPayCents: 0,
    });
  });
});
