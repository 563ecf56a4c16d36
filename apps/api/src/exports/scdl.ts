import {
  isScdlCandidate,
  scdlBeneficiaryIds,
  scdlExclusionReasons,
  scdlReasonCounts,
  SCDL_EXCLUSION_REASONS,
  type PaymentCondition,
  type ScdlDroppedRow,
  type ScdlPreview,
} from "@defis/domain";
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

export interface ScdlExport {
  rows: ScdlRow[];
  /** Subsidies left out, and why: what the pages announce before the download. */
  preview: ScdlPreview;
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

/** A subsidy every check passed: the fields the file requires are present. */
type PublishableSubsidy = LaureateMoneyRow & {
  conventionDate: string;
  amountCents: number;
  paymentConditions: PaymentCondition;
};

/** Repeats, for the type checker, what an empty list of exclusion reasons already guarantees. */
function isPublishable(laureate: LaureateMoneyRow): laureate is PublishableSubsidy {
  return (
    laureate.conventionDate !== null && laureate.amountCents !== null && laureate.paymentConditions !== null
  );
}

/** Every subsidy, published or left out with its reasons: one reading for the file, its preview and the controls. */
export function scdlSelection(
  laureates: readonly LaureateMoneyRow[],
  attribuantSiret: string | null,
): { published: PublishableSubsidy[]; preview: ScdlPreview } {
  const subsidies = laureates.filter(isScdlCandidate);
  const published: PublishableSubsidy[] = [];
  const dropped: ScdlDroppedRow[] = [];
  for (const laureate of subsidies) {
    const reasons = scdlExclusionReasons(laureate, attribuantSiret);
    if (reasons.length === 0 && isPublishable(laureate)) published.push(laureate);
    else
      dropped.push({
        laureate: { slug: laureate.slug, title: laureate.title },
        amountCents: laureate.amountCents,
        conventionDate: laureate.conventionDate,
        reasons,
      });
  }
  return {
    published,
    preview: {
      attribuantConfigured: attribuantSiret !== null,
      subsidyCount: subsidies.length,
      rowCount: published.length,
      dropped,
      reasons: scdlReasonCounts(dropped),
    },
  };
}

export function scdlSubventions(
  laureates: readonly LaureateMoneyRow[],
  tranches: readonly TrancheExportRow[],
  payments: readonly PaymentExportRow[],
  attribuantSiret: string | null,
): ScdlExport {
  const tranchesOf = groupBy(tranches, (tranche) => tranche.laureateId);
  const paymentsOf = groupBy(payments, (payment) => payment.laureateId);
  const { published, preview } = scdlSelection(laureates, attribuantSiret);
  // Without the attribuant's SIRET nothing is published (the first exclusion reason).
  if (attribuantSiret === null) return { rows: [], preview };
  const rows = published.map((laureate): ScdlRow => {
    const { siret, rna } = scdlBeneficiaryIds(laureate);
    return {
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
    };
  });
  return { rows, preview };
}

/** UTF-8 without a byte-order mark, ",", decimal point, AAAA-MM-JJ: the open-data dialect. */
export function toScdlCsv(rows: readonly ScdlRow[]): string {
  return toCsv(rows, columns, "opendata");
}

/** "sans date de convention : 2 ; sans montant alloué : 1", for a response header. */
export function exclusionSummary(preview: ScdlPreview): string {
  return preview.reasons
    .map(({ reason, count }) => `${SCDL_EXCLUSION_REASONS[reason]} : ${count}`)
    .join(" ; ");
}
