/**
 * What a payment row is. A payment pays a tranche, or is recorded outside the
 * schedule ("hors échéancier") with its reason, or reverses another payment.
 * A payment attached to no tranche and giving no reason is an anomaly left by
 * older data ("versement sans tranche"): the ledger no longer writes one.
 */
export const PAYMENT_KINDS = {
  tranche: "Paiement d'une tranche",
  hors_echeancier: "Hors échéancier",
  contre_passation: "Contre-passation",
  sans_tranche: "Versement sans tranche",
} as const;
export type PaymentKind = keyof typeof PAYMENT_KINDS;

export function paymentKindOf(payment: {
  trancheId: number | null;
  reversesPaymentId: number | null;
  reason: string | null;
}): PaymentKind {
  if (payment.reversesPaymentId !== null) return "contre_passation";
  if (payment.trancheId !== null) return "tranche";
  return payment.reason ? "hors_echeancier" : "sans_tranche";
}
