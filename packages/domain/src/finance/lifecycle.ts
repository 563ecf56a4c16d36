import { OPEN_TRANCHE_STATUSES } from "./funding-rules.js";
import type { TrancheStatus } from "./schemas.js";

/**
 * The life of a tranche, one table of named paths: every writer of a
 * tranche's status (the officer's steps, the payment ledger, the reversal,
 * the import) reads its path here, and nowhere else.
 *
 * prévu → service fait → demande de paiement → payé; annulé before payment;
 * a reversal reopens a paid tranche at its payment request (the money is due
 * again); an import of a payment extract finds the payment made and records
 * it from any open status, noting the missing service fait and payment
 * request as observed by the import.
 */
export const TRANCHE_PATHS = {
  certifier_service_fait: {
    label: "Constat du service fait",
    from: ["prevu"],
    to: "service_fait",
    by: "chargee",
  },
  demander_paiement: {
    label: "Demande de paiement",
    from: ["service_fait"],
    to: "demande_paiement",
    by: "chargee",
  },
  payer: { label: "Paiement", from: ["demande_paiement"], to: "paye", by: "chargee" },
  annuler: { label: "Annulation", from: OPEN_TRANCHE_STATUSES, to: "annule", by: "chargee" },
  rouvrir_par_contre_passation: {
    label: "Réouverture par contre-passation",
    from: ["paye"],
    to: "demande_paiement",
    by: "grand_livre",
  },
  constater_par_import: {
    label: "Paiement constaté par l'import d'un relevé",
    from: OPEN_TRANCHE_STATUSES,
    to: "paye",
    by: "import",
  },
} as const satisfies Record<
  string,
  {
    label: string;
    from: readonly TrancheStatus[];
    to: TrancheStatus;
    /** Who takes the path: the officer's step, the ledger itself, or the import of an extract. */
    by: "chargee" | "grand_livre" | "import";
  }
>;
export type TranchePath = keyof typeof TRANCHE_PATHS;

/** The paths that pay a tranche, the only ones the payment ledger accepts. */
export type PayingPath = "payer" | "constater_par_import";

/** The statuses `path` may start from, for SQL conditions (`status in (…)`). */
export function statusesFrom(path: TranchePath): readonly TrancheStatus[] {
  return TRANCHE_PATHS[path].from;
}

export function canTake(path: TranchePath, status: TrancheStatus): boolean {
  return statusesFrom(path).includes(status);
}

const OFFICER_PATHS = (Object.keys(TRANCHE_PATHS) as TranchePath[]).filter(
  (path) => TRANCHE_PATHS[path].by === "chargee",
);

/** The officer's step from `from` to `to`, or null when no step goes there. */
export function officerPathBetween(from: TrancheStatus, to: TrancheStatus): TranchePath | null {
  return OFFICER_PATHS.find((path) => TRANCHE_PATHS[path].to === to && canTake(path, from)) ?? null;
}

/** The statuses an officer may move a tranche to from `status`, in the order of the steps. */
export function nextTrancheStatuses(status: TrancheStatus): readonly TrancheStatus[] {
  return OFFICER_PATHS.filter((path) => canTake(path, status)).map((path) => TRANCHE_PATHS[path].to);
}

export function canMoveTranche(from: TrancheStatus, to: TrancheStatus): boolean {
  return officerPathBetween(from, to) !== null;
}
