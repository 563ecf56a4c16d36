import type { Cents } from "./money.js";
import { isValidSiret, type PaymentCondition } from "./finance/schemas.js";
import { PORTEUR_NOT_GIVEN, type FundingModeKey } from "./laureate.js";

/**
 * Why a subsidy cannot be published in the SCDL "subventions" file yet, in
 * the order the checks run. One rule for the export, its preview on the pages
 * and the controls: what the preview announces is what the file drops.
 */
export const SCDL_EXCLUSION_REASONS = {
  attribuant: "SIRET de l'attribuant non configuré (SCDL_ATTRIBUANT_SIRET)",
  beneficiaire: "porteur non précisé",
  convention: "sans date de convention",
  identifiant: "sans SIRET ni RNA valide du bénéficiaire",
  montant: "sans montant alloué",
  conditions: "sans conditions de versement",
} as const;
export type ScdlExclusionReason = keyof typeof SCDL_EXCLUSION_REASONS;

/** What the SCDL file reads of a laureate, its allocation and its funding record. */
export interface ScdlCandidate {
  fundingMode: string;
  porteur: string;
  conventionDate: string | null;
  siret: string | null;
  rna: string | null;
  /** Null while nothing is allocated. */
  amountCents: Cents | null;
  paymentConditions: PaymentCondition | null;
}

/** Only subsidies are published: a transfer of credits between State services is not one. */
export function isScdlCandidate(candidate: Pick<ScdlCandidate, "fundingMode">): boolean {
  return candidate.fundingMode === ("subvention" satisfies FundingModeKey);
}

/** The beneficiary's identifiers the file may carry: a SIRET with a valid key, an RNA "W" + 9 digits. */
export function scdlBeneficiaryIds(candidate: Pick<ScdlCandidate, "siret" | "rna">): {
  siret: string | null;
  rna: string | null;
} {
  return {
    siret: candidate.siret !== null && isValidSiret(candidate.siret) ? candidate.siret : null,
    rna: candidate.rna !== null && /^W\d{9}$/.test(candidate.rna) ? candidate.rna : null,
  };
}

/** Why this subsidy would be left out of the file; empty when it is published. */
export function scdlExclusionReasons(
  candidate: ScdlCandidate,
  attribuantSiret: string | null,
): ScdlExclusionReason[] {
  const { siret, rna } = scdlBeneficiaryIds(candidate);
  const missing: ScdlExclusionReason[] = [];
  if (attribuantSiret === null) missing.push("attribuant");
  if (candidate.porteur === PORTEUR_NOT_GIVEN) missing.push("beneficiaire");
  if (candidate.conventionDate === null) missing.push("convention");
  if (siret === null && rna === null) missing.push("identifiant");
  if (candidate.amountCents === null || candidate.amountCents === 0) missing.push("montant");
  if (candidate.paymentConditions === null) missing.push("conditions");
  return missing;
}

/** A subsidy the file would leave out, and why. */
export interface ScdlDroppedRow {
  laureate: { slug: string; title: string };
  amountCents: Cents | null;
  conventionDate: string | null;
  reasons: ScdlExclusionReason[];
}

/** What the SCDL file will hold, told before it is downloaded. */
export interface ScdlPreview {
  /** False while the server does not know the DITP's SIRET: then no row can be published. */
  attribuantConfigured: boolean;
  /** Subvention-mode laureates: the file's candidates. */
  subsidyCount: number;
  /** Rows the file will hold. */
  rowCount: number;
  dropped: ScdlDroppedRow[];
  /** How many dropped rows lack each requirement (a row may lack several), in the order of the checks. */
  reasons: { reason: ScdlExclusionReason; count: number }[];
}

/** The count of each reason among the dropped rows, in the dictionary's order, zeros left out. */
export function scdlReasonCounts(
  dropped: readonly Pick<ScdlDroppedRow, "reasons">[],
): ScdlPreview["reasons"] {
  return (Object.keys(SCDL_EXCLUSION_REASONS) as ScdlExclusionReason[]).flatMap((reason) => {
    const count = dropped.filter((row) => row.reasons.includes(reason)).length;
    return count > 0 ? [{ reason, count }] : [];
  });
}
