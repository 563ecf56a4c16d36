import { describe, expect, it } from "vitest";
import {
  canMoveTranche,
  canTake,
  nextTrancheStatuses,
  officerPathBetween,
  OPEN_TRANCHE_STATUSES,
  paymentKindOf,
  statusesFrom,
  TRANCHE_PATHS,
} from "./index.js";

describe("the tranche lifecycle", () => {
  it("lets the officer only move forward, or cancel before payment", () => {
    expect(nextTrancheStatuses("prevu")).toEqual(["service_fait", "annule"]);
    expect(nextTrancheStatuses("service_fait")).toEqual(["demande_paiement", "annule"]);
    expect(nextTrancheStatuses("demande_paiement")).toEqual(["paye", "annule"]);
    expect(nextTrancheStatuses("paye")).toEqual([]);
    expect(nextTrancheStatuses("annule")).toEqual([]);
    expect(canMoveTranche("demande_paiement", "paye")).toBe(true);
    expect(canMoveTranche("paye", "annule")).toBe(false);
    expect(canMoveTranche("service_fait", "prevu")).toBe(false);
    expect(canMoveTranche("annule", "prevu")).toBe(false);
    expect(officerPathBetween("demande_paiement", "paye")).toBe("payer");
    expect(officerPathBetween("prevu", "paye")).toBeNull();
  });

  it("reopens only a paid tranche, by a reversal, at its payment request", () => {
    expect(TRANCHE_PATHS.rouvrir_par_contre_passation.to).toBe("demande_paiement");
    expect(statusesFrom("rouvrir_par_contre_passation")).toEqual(["paye"]);
    // No officer step goes back: the reopening belongs to the ledger.
    expect(canMoveTranche("paye", "demande_paiement")).toBe(false);
  });

  it("lets the import pay any open tranche, and nothing else", () => {
    expect(statusesFrom("constater_par_import")).toEqual(OPEN_TRANCHE_STATUSES);
    expect(canTake("constater_par_import", "prevu")).toBe(true);
    expect(canTake("constater_par_import", "paye")).toBe(false);
    expect(canTake("constater_par_import", "annule")).toBe(false);
  });
});

describe("the kind of a payment", () => {
  it("tells a tranche's payment, a payment outside the schedule, a reversal and an anomaly apart", () => {
    expect(paymentKindOf({ trancheId: 3, reversesPaymentId: null, reason: null })).toBe("tranche");
    expect(paymentKindOf({ trancheId: null, reversesPaymentId: null, reason: "Avance exceptionnelle" })).toBe(
      "hors_echeancier",
    );
    expect(paymentKindOf({ trancheId: 3, reversesPaymentId: 8, reason: "Erreur" })).toBe("contre_passation");
    expect(paymentKindOf({ trancheId: null, reversesPaymentId: null, reason: null })).toBe("sans_tranche");
  });
});
