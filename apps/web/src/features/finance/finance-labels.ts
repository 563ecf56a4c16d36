import { TRANCHE_KINDS, TRANCHE_STATUSES, type TrancheItem, type TrancheStatus } from "@defis/domain";
import { formatDate, pluralize } from "../../lib/format";

/** "au 25 novembre 2026": the day a figure was read (a query's dataUpdatedAt), in Paris. */
export function asOfDay(updatedAt: number): string {
  return `au ${formatDate(new Date(updatedAt))}`;
}

/** The steps a tranche can take, as the buttons that take them say it. */
export type TrancheStep = Exclude<TrancheStatus, "prevu">;

export const STEP_ACTIONS: Record<TrancheStep, string> = {
  service_fait: "Service fait",
  demande_paiement: "Demande de paiement",
  paye: "Payé",
  annule: "Annuler",
};

/** DSFR badge severities: the tranche's status at a glance, with its label (never the colour alone). */
export const STATUS_SEVERITIES: Record<TrancheStatus, "info" | "new" | "success" | "warning" | undefined> = {
  prevu: undefined,
  service_fait: "info",
  demande_paiement: "new",
  paye: "success",
  annule: "warning",
};

export const statusLabel = (status: TrancheStatus) => TRANCHE_STATUSES[status];

/** "Tranche 2 (acompte)": how a tranche is named in headings and hidden button texts. */
export function trancheName(tranche: Pick<TrancheItem, "position" | "kind">): string {
  return `Tranche ${tranche.position} (${TRANCHE_KINDS[tranche.kind].toLowerCase()})`;
}

/** "En retard de 12 jours": a tranche past its planned date and not paid (`trancheDaysLate`). */
export function lateLabel(daysLate: number): string {
  return `En retard de ${pluralize(daysLate, "jour")}`;
}
