import { describe, expect, it } from "vitest";
import { commitmentRefusal, trancheStepRefusal } from "./index.js";

describe("the steps a tranche may not take yet", () => {
  const unsigned = { fundingMode: "subvention" as const, conventionDate: null, ejNumber: null };
  const signed = { fundingMode: "subvention" as const, conventionDate: "2022-03-01", ejNumber: "2100012345" };
  const waiting = { title: "Prototype testé", reached: false };

  it("refuses every money step of a subvention without its commitment, with the server's words", () => {
    for (const to of ["service_fait", "demande_paiement", "paye"] as const) {
      expect(trancheStepRefusal(to, null, unsigned)).toBe(commitmentRefusal("subvention", unsigned));
    }
    expect(trancheStepRefusal("annule", null, unsigned)).toBeNull();
  });

  it("refuses a service fait before its milestone, once committed", () => {
    expect(trancheStepRefusal("service_fait", waiting, signed)).toMatch(
      /attend le jalon « Prototype testé »/,
    );
    expect(trancheStepRefusal("demande_paiement", waiting, signed)).toBeNull();
    expect(trancheStepRefusal("service_fait", { ...waiting, reached: true }, signed)).toBeNull();
  });
});
