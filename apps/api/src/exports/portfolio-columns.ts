import {
  CATEGORIES,
  FUNDING_MODES,
  labelFrom,
  MINISTRIES,
  REGIONS,
  TRANCHE_KINDS,
  TRANCHE_STATUSES,
  PAYMENT_KINDS,
  PAYMENT_SOURCES,
  paymentKindOf,
  remainingToPay,
} from "@defis/domain";
import type { Column } from "./csv.js";
import type { LaureateMoneyRow, PaymentExportRow, TrancheExportRow } from "./portfolio-queries.js";

/** RAP by the shared rule: empty (not 0) when not committed; what was paid then has its own column. */
function remaining(row: LaureateMoneyRow) {
  return remainingToPay(row.committed, row.amountCents ?? 0, row.paidCents ?? 0);
}

export const laureateColumns: Column<LaureateMoneyRow>[] = [
  { header: "Identifiant", value: (row) => row.slug },
  { header: "Titre", value: (row) => row.title },
  { header: "Porteur", value: (row) => row.porteur },
  { header: "Ministère", value: (row) => labelFrom(MINISTRIES, row.ministry) },
  { header: "Catégorie", value: (row) => labelFrom(CATEGORIES, row.category) },
  {
    header: "Région",
    value: (row) =>
      row.territoryScope === "national" ? "National" : labelFrom(REGIONS, row.regionCode ?? ""),
  },
  { header: "Département", value: (row) => row.departementCode },
  { header: "Mode de financement", value: (row) => labelFrom(FUNDING_MODES, row.fundingMode) },
  // Empty while nothing is allocated: "no allocation yet" is not "0 €".
  { header: "Montant alloué (€)", kind: "euros", value: (row) => row.amountCents },
  { header: "Montant initial (€)", kind: "euros", value: (row) => row.originalAmountCents },
  { header: "Engagé", value: (row) => (row.committed ? "oui" : "non") },
  {
    header: "Non engagé (€)",
    kind: "euros",
    // Empty while nothing is allocated, as the amounts before it.
    value: (row) => (row.amountCents === null ? null : row.committed ? 0 : row.amountCents),
  },
  { header: "Versé (€)", kind: "euros", value: (row) => row.paidCents ?? 0 },
  { header: "Restes à payer (€)", kind: "euros", value: (row) => remaining(row).remainingCents },
  { header: "Bloqué par un jalon (€)", kind: "euros", value: (row) => row.blockedByMilestoneCents },
  { header: "Numéro EJ", value: (row) => row.ejNumber },
  { header: "Date de convention", kind: "date", value: (row) => row.conventionDate },
  // Last, so that the earlier columns keep their place for those who read the file by position.
  {
    header: "Versé sans engagement (€)",
    kind: "euros",
    value: (row) => remaining(row).paidWithoutCommitmentCents,
  },
];

export const trancheColumns: Column<TrancheExportRow>[] = [
  { header: "Lauréat (identifiant)", value: (row) => row.laureateSlug },
  { header: "Lauréat", value: (row) => row.laureateTitle },
  { header: "Type", value: (row) => TRANCHE_KINDS[row.kind] },
  { header: "Ordre", kind: "integer", value: (row) => row.position },
  { header: "Montant prévu (€)", kind: "euros", value: (row) => row.plannedAmountCents },
  { header: "Date prévue", kind: "date", value: (row) => row.plannedOn },
  { header: "Statut", value: (row) => TRANCHE_STATUSES[row.status] },
  { header: "Service fait le", kind: "date", value: (row) => row.serviceFaitOn },
  { header: "Demande de paiement le", kind: "date", value: (row) => row.paymentRequestedOn },
  { header: "Référence de la demande de paiement", value: (row) => row.paymentRequestReference },
  { header: "Payé le", kind: "date", value: (row) => row.paidOn },
  { header: "Annulé le", kind: "date", value: (row) => row.cancelledOn },
  { header: "Motif d'annulation", value: (row) => row.cancellationReason },
];

export const paymentColumns: Column<PaymentExportRow>[] = [
  // The payment's own number, so that "Contre-passation de" points at a line of the file.
  { header: "Identifiant", kind: "integer", value: (row) => row.id },
  { header: "Lauréat (identifiant)", value: (row) => row.laureateSlug },
  { header: "Lauréat", value: (row) => row.laureateTitle },
  { header: "Date", kind: "date", value: (row) => row.paidOn },
  { header: "Montant (€)", kind: "euros", value: (row) => row.amountCents },
  { header: "Référence", value: (row) => row.reference },
  { header: "Contre-passation de", kind: "integer", value: (row) => row.reversesPaymentId },
  { header: "Motif", value: (row) => row.reason },
  { header: "Source", value: (row) => PAYMENT_SOURCES[row.source] },
  // A tranche's payment (its position in the schedule), a payment outside the schedule, a reversal.
  { header: "Nature", value: (row) => PAYMENT_KINDS[paymentKindOf(row)] },
  { header: "Tranche payée (ordre)", kind: "integer", value: (row) => row.tranchePosition },
];
