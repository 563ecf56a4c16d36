import {
  CONTROL_KINDS,
  FUNDING_FACT_LABELS,
  FUNDING_MODES,
  SCDL_EXCLUSION_REASONS,
  TRANCHE_STATUSES,
  type ControlFixTarget,
  type ControlItem,
  type ControlKind,
} from "@defis/domain";
import { formatCents, formatShortDate, formatSignedCents, pluralize } from "../../lib/format";
import { ROUTES } from "../../routes";
import { FINANCE_SECTION_IDS } from "../finance/finance-anchors";
import { trancheName } from "../finance/finance-labels";
import { FACTS_EDIT_BUTTON_ID } from "../laureates/laureate-anchors";

/** The id of a kind's section on the controls page: the summary and other pages link to it. */
export const controlSectionId = (kind: ControlKind) => `controle-${kind}`;

/** Where a kind's anomaly is fixed, for one laureate. */
export function fixPath(target: ControlFixTarget, slug: string): string {
  return target.tab === "fiche"
    ? ROUTES.laureateFactsAt(slug, FACTS_EDIT_BUTTON_ID)
    : ROUTES.laureateFinancesSection(slug, FINANCE_SECTION_IDS[target.section]);
}

export const controlFixPath = (item: ControlItem) =>
  fixPath(CONTROL_KINDS[item.kind].target, item.laureate.slug);

/** The facts of one anomaly, in a sentence: what the table's "Détail" column says. */
export function controlDetail(item: ControlItem): string {
  switch (item.kind) {
    case "versement_sans_tranche":
      return `Versement${item.paymentReference ? ` ${item.paymentReference}` : ""} sans tranche ni motif « hors échéancier »`;
    case "tranche_payee_sans_versement":
      return `${trancheName(item.tranche)} payée, sans versement`;
    case "versement_sur_tranche_non_payee":
      return `Versement${item.paymentReference ? ` ${item.paymentReference}` : ""} sur la ${trancheName(item.tranche).toLowerCase()}, au statut « ${TRANCHE_STATUSES[item.tranche.status]} »`;
    case "prevu_different_alloue":
      return `${formatCents(item.plannedCents)} prévus pour ${formatCents(item.allocatedCents)} alloués`;
    case "verse_sans_engagement":
      return `${FUNDING_MODES[item.fundingMode]} : versé sans engagement`;
    case "tranche_en_retard":
      return `${trancheName(item.tranche)} prévue le ${formatShortDate(item.tranche.plannedOn)}, « ${TRANCHE_STATUSES[item.tranche.status]} » : en retard de ${pluralize(item.daysLate, "jour")}`;
    case "allocation_sans_echeancier":
      return "Aucune tranche planifiée";
    case "mode_financement_manquant":
      return "Mode de financement non précisé";
    case "scdl_ligne_ecartee":
      return `Écartée : ${item.reasons.map((reason) => SCDL_EXCLUSION_REASONS[reason]).join(" ; ")}`;
    case "dossier_financement_incomplet":
      return `${FUNDING_MODES[item.fundingMode]} : manque ${item.missing.map((fact) => FUNDING_FACT_LABELS[fact].toLowerCase()).join(" et ")}`;
  }
}

/** The money at stake: a gap is signed (+ when the schedule is short of the allocation). */
export function controlAmount(item: ControlItem): string {
  if (item.amountCents === null) return "—";
  return item.kind === "prevu_different_alloue"
    ? formatSignedCents(item.amountCents)
    : formatCents(item.amountCents);
}

export const controlSince = (item: ControlItem) => (item.since ? formatShortDate(item.since) : "Non daté");
