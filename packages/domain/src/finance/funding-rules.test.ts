import { describe, expect, it } from "vitest";
import {
  commitmentRefusal,
  isCommitted,
  missingFundingFacts,
  moneyStepRefusal,
  remainingToPay,
  trancheDaysLate,
} from "./index.js";

describe("funding mode rules", () => {
  const signed = { conventionDate: "2022-03-01", ejNumber: "2100012345" };

  it("commits a subvention only with its convention date and its EJ", () => {
    expect(isCommitted("subvention", signed)).toBe(true);
    expect(isCommitted("subvention", { conventionDate: "2022-03-01", ejNumber: null })).toBe(false);
    expect(missingFundingFacts("subvention", null)).toEqual(["conventionDate", "ejNumber"]);
    expect(commitmentRefusal("subvention", { conventionDate: null, ejNumber: "2100012345" })).toContain(
      "date de la convention",
    );
  });

  it("commits a transfer of credits with its dated decision, no EJ needed", () => {
    expect(isCommitted("transfert", { conventionDate: "2022-03-01", ejNumber: null })).toBe(true);
    expect(commitmentRefusal("transfert", { conventionDate: "2022-03-01", ejNumber: null })).toBeNull();
    expect(commitmentRefusal("transfert", null)).toContain("transfert");
  });

  it("never commits nor pays a laureate whose mode is not set", () => {
    expect(isCommitted("non-precise", signed)).toBe(false);
    expect(commitmentRefusal("non-precise", signed)).toContain("mode de financement");
  });

  it("reports money paid without commitment instead of a remaining 0", () => {
    expect(remainingToPay(true, 100_000, 30_000)).toEqual({
      committed: true,
      remainingCents: 70_000,
      paidWithoutCommitmentCents: 0,
    });
    expect(remainingToPay(false, 100_000, 30_000)).toEqual({
      committed: false,
      remainingCents: null,
      paidWithoutCommitmentCents: 30_000,
    });
  });
});

describe("late tranches", () => {
  it("counts the days past the planned date of an open tranche only", () => {
    expect(trancheDaysLate({ status: "prevu", plannedOn: "2024-04-01" }, "2024-04-11")).toBe(10);
    expect(trancheDaysLate({ status: "demande_paiement", plannedOn: "2024-04-01" }, "2024-04-01")).toBe(0);
    expect(trancheDaysLate({ status: "prevu", plannedOn: "2024-05-01" }, "2024-04-11")).toBe(0);
    expect(trancheDaysLate({ status: "paye", plannedOn: "2024-04-01" }, "2024-06-01")).toBe(0);
    expect(trancheDaysLate({ status: "annule", plannedOn: "2024-04-01" }, "2024-06-01")).toBe(0);
  });
});

describe("the refusal of a money step", () => {
  const signed = { conventionDate: "2022-03-01", ejNumber: "2100012345" };

  it("refuses a subvention's steps without its EJ, and a mode not set", () => {
    for (const step of ["service_fait", "demande_paiement", "paye"] as const) {
      expect(
        moneyStepRefusal(step, "subvention", { conventionDate: "2022-03-01", ejNumber: null }, "V"),
      ).toContain("engagement juridique");
      expect(moneyStepRefusal(step, "non-precise", signed, "V")).toContain("mode de financement");
    }
    expect(moneyStepRefusal("paye", "subvention", signed, null)).toBeNull();
  });

  it("asks a transfer of credits recorded as paid for its reference", () => {
    expect(moneyStepRefusal("paye", "transfert", signed, " ")).toContain("référence du transfert");
    expect(moneyStepRefusal("paye", "transfert", signed, "TR-2024-01")).toBeNull();
    expect(moneyStepRefusal("demande_paiement", "transfert", signed, null)).toBeNull();
  });
});
