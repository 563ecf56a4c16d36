import { isValidSiret, PORTEUR_NOT_GIVEN, type PaymentCondition } from "@defis/domain";
import { toCsv, type Column } from "./csv.js";
import type { LaureateMoneyRow, PaymentExportRow, TrancheExportRow } from "./portfolio-queries.js";

/**
 * The SCDL "subventions" 2.1.1 open-data file (schema.data.gouv.fr): one row
 * per beneficiary of a subsidy, in the schema's field order. Transfers of
 * credits between State services are not subsidies and stay out.
 */
export const SCDL_ATTRIBUANT_NAME = "Direction interministérielle de la transformation publique";
export const SCDL_DISPOSITIF = "Appel à défis — Co-construire avec les usagers et les agents";
const OBJET_MAX_LENGTH = 256;

const CONDITIONS: Record<PaymentCondition, string> = {
  unique: "unique",
  echelonne: "échelonné",
  autre: "autre",
};

export interface ScdlRow {
  nomAttribuant: string;
  idAttribuant: string;
  dateConvention: string;
  referenceDecision: string | null;
  nomBeneficiaire: string;
  idBeneficiaire: string | null;
  rnaBeneficiaire: string | null;
  objet: string;
  montantCents: number;
  nature: string;
  conditionsVersement: string;
  datesPeriodeVersement: string;
  idRAE: string | null;
  notificationUE: string;
  pourcentageSubvention: string;
  dispositifAide: string;
}

const columns: Column<ScdlRow>[] = [
  { header: "nomAttribuant", value: (row) => row.nomAttribuant },
  { header: "idAttribuant", value: (row) => row.idAttribuant },
  { header: "dateConvention", kind: "date", value: (row) => row.dateConvention },
  { header: "referenceDecision", value: (row) => row.referenceDecision },
  { header: "nomBeneficiaire", value: (row) => row.nomBeneficiaire },
  { header: "idBeneficiaire", value: (row) => row.idBeneficiaire },
  { header: "rnaBeneficiaire", value: (row) => row.rnaBeneficiaire },
  { header: "objet", value: (row) => row.objet },
  { header: "montant", kind: "euros", value: (row) => row.montantCents },
  { header: "nature", value: (row) => row.nature },
  { header: "conditionsVersement", value: (row) => row.conditionsVersement },
  { header: "datesPeriodeVersement", value: (row) => row.datesPeriodeVersement },
  { header: "idRAE", value: (row) => row.idRAE },
  { header: "notificationUE", value: (row) => row.notificationUE },
  { header: "pourcentageSubvention", value: (row) => row.pourcentageSubvention },
  { header: "dispositifAide", value: (row) => row.dispositifAide },
];

/** Why a subsidy cannot be published yet, in the order the checks run. */
export const SCDL_EXCLUSION_REASONS = {
  attribuant: "SIRET de l'attribuant non configuré (SCDL_ATTRIBUANT_SIRET)",
  beneficiaire: "porteur non précisé",
  convention: "sans date de convention",
  identifiant: "sans SIRET ni RNA valide du bénéficiaire",
  montant: "sans montant alloué",
  conditions: "sans conditions de versement",
} as const;
type ExclusionReason = keyof typeof SCDL_EXCLUSION_REASONS;

export interface ScdlExport {
  rows: ScdlRow[];
  /** Subsidies left out, and how many lack each required field (one may lack several). */
  excluded: { count: number; reasons: { reason: string; count: number }[] };
}

/** At most `max` characters (code points, so that no character is cut in half). */
function truncated(text: string, max: number): string {
  const characters = Array.from(text);
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join("")}…`;
}

/**
 * The period of payment: from the first to the last date planned or paid
 * (cancelled tranches, reversals and reversed payments aside), or the
 * convention date alone when nothing is scheduled yet.
 */
function paymentPeriod(
  conventionDate: string,
  tranches: readonly TrancheExportRow[],
  payments: readonly PaymentExportRow[],
): string {
  const days = [
    ...tranches.filter((tranche) => tranche.status !== "annule").map((tranche) => tranche.plannedOn),
    ...tranches.flatMap((tranche) => (tranche.paidOn ? [tranche.paidOn] : [])),
    ...payments
      .filter((payment) => payment.reversesPaymentId === null && payment.reversedBy === null)
      .map((payment) => payment.paidOn),
  ].sort();
  const first = days[0];
  const last = days.at(-1);
  if (first === undefined || last === undefined) return conventionDate;
  return first === last ? first : `${first}/${last}`;
}

function groupBy<Item>(items: readonly Item[], key: (item: Item) => number): Map<number, Item[]> {
  const groups = new Map<number, Item[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

export function scdlSubventions(
  laureates: readonly LaureateMoneyRow[],
  tranches: readonly TrancheExportRow[],
  payments: readonly PaymentExportRow[],
  attribuantSiret: string | null,
): ScdlExport {
  const tranchesOf = groupBy(tranches, (tranche) => tranche.laureateId);
  const paymentsOf = groupBy(payments, (payment) => payment.laureateId);
  const reasonCounts = new Map<ExclusionReason, number>();
  const rows: ScdlRow[] = [];
  let excluded = 0;
  for (const laureate of laureates) {
    if (laureate.fundingMode !== "subvention") continue;
    const siret = laureate.siret !== null && isValidSiret(laureate.siret) ? laureate.siret : null;
    const rna = laureate.rna !== null && /^W\d{9}$/.test(laureate.rna) ? laureate.rna : null;
    const missing: ExclusionReason[] = [];
    if (attribuantSiret === null) missing.push("attribuant");
    if (laureate.porteur === PORTEUR_NOT_GIVEN) missing.push("beneficiaire");
    if (laureate.conventionDate === null) missing.push("convention");
    if (siret === null && rna === null) missing.push("identifiant");
    if (laureate.amountCents === null || laureate.amountCents === 0) missing.push("montant");
    if (laureate.paymentConditions === null) missing.push("conditions");
    // The null checks repeat the list above for the type checker.
    if (
      missing.length > 0 ||
      attribuantSiret === null ||
      laureate.conventionDate === null ||
      laureate.amountCents === null ||
      laureate.paymentConditions === null
    ) {
      excluded += 1;
      for (const reason of missing) reasonCounts.set(reason, (reasonCounts.get(reason) ?? 0) + 1);
      continue;
    }
    rows.push({
      nomAttribuant: SCDL_ATTRIBUANT_NAME,
      idAttribuant: attribuantSiret,
      dateConvention: laureate.conventionDate,
      // The Chorus legal commitment number is the reference the DITP keeps of the signed decision.
      referenceDecision: laureate.ejNumber,
      nomBeneficiaire: laureate.porteur,
      idBeneficiaire: siret,
      rnaBeneficiaire: rna,
      objet: truncated(laureate.title, OBJET_MAX_LENGTH),
      // The current (revised) allocation: the total granted, before any split into tranches.
      montantCents: laureate.amountCents,
      nature: "aide en numéraire",
      conditionsVersement: CONDITIONS[laureate.paymentConditions],
      datesPeriodeVersement: paymentPeriod(
        laureate.conventionDate,
        tranchesOf.get(laureate.id) ?? [],
        paymentsOf.get(laureate.id) ?? [],
      ),
      idRAE: null,
      notificationUE: "non",
      // The schema wants the share of the project's cost the subsidy covers, between 0.01 and 1. Our data
      // holds no project budget: the call for projects funds the project, so "1" (100 %) is written, and
      // nothing finer is invented.
      pourcentageSubvention: "1",
      dispositifAide: SCDL_DISPOSITIF,
    });
  }
  return {
    rows,
    excluded: {
      count: excluded,
      reasons: (Object.keys(SCDL_EXCLUSION_REASONS) as ExclusionReason[]).flatMap((reason) => {
        const count = reasonCounts.get(reason);
        return count ? [{ reason: SCDL_EXCLUSION_REASONS[reason], count }] : [];
      }),
    },
  };
}

/** UTF-8 without a byte-order mark, ",", decimal point, AAAA-MM-JJ: the open-data dialect. */
export function toScdlCsv(rows: readonly ScdlRow[]): string {
  return toCsv(rows, columns, "opendata");
}

/** "sans date de convention : 2 ; sans montant alloué : 1", for a response header. */
export function exclusionSummary(excluded: ScdlExport["excluded"]): string {
  return excluded.reasons.map(({ reason, count }) => `${reason} : ${count}`).join(" ; ");
}
