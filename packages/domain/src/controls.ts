import type { Cents } from "./money.js";
import type { FundingModeKey } from "./laureate.js";
import type { RequiredFundingFact } from "./finance/funding-rules.js";
import type { TrancheKind, TrancheStatus } from "./finance/schemas.js";
import type { ScdlExclusionReason } from "./open-data.js";

/**
 * Where an anomaly is fixed: a tab of the laureate's page and, on the
 * finances tab, the section that holds the action. The web app turns it into
 * a link; the API does not know the web's addresses.
 */
export type ControlFixTarget =
  | { tab: "fiche"; section: "modifier" }
  | { tab: "finances"; section: "allocation" | "financement" | "echeancier" | "versements" };

export interface ControlKindDefinition {
  /** The heading of the kind's table on the controls page. */
  label: string;
  /** What the anomaly means, in a sentence. */
  description: string;
  /** How an officer fixes it. */
  fix: string;
  target: ControlFixTarget;
}

/**
 * Every consistency check Défis runs over its data, in the order the controls
 * page lists them: the money first, then the schedules, then the records.
 * Stored nowhere: the keys travel between the API and the web app only.
 */
export const CONTROL_KINDS = {
  versement_sans_tranche: {
    label: "Versement sans tranche",
    description:
      "Un versement n'est rattaché à aucune tranche et ne porte pas de motif « hors échéancier » : l'échéancier et le grand livre ne disent pas la même chose.",
    fix: "Contre-passez le versement s'il est erroné, ou enregistrez-le sur sa tranche ou hors échéancier avec un motif.",
    target: { tab: "finances", section: "versements" },
  },
  tranche_payee_sans_versement: {
    label: "Tranche payée sans versement",
    description: "Une tranche est « payée » sans versement en cours de validité sur elle.",
    fix: "Vérifiez le versement dans Chorus et enregistrez-le sur la tranche, ou corrigez l'échéancier.",
    target: { tab: "finances", section: "echeancier" },
  },
  versement_sur_tranche_non_payee: {
    label: "Versement sur une tranche non payée",
    description: "Un versement est rattaché à une tranche qui n'est pas « payée ».",
    fix: "Menez la tranche jusqu'à « payé », ou contre-passez le versement s'il est erroné.",
    target: { tab: "finances", section: "echeancier" },
  },
  prevu_different_alloue: {
    label: "Échéancier différent de l'allocation",
    description:
      "La somme des tranches non annulées diffère du montant alloué : la courbe des versements prévus et l'engagement ne concordent pas.",
    fix: "Ajustez l'échéancier au montant alloué (ou l'allocation, si c'est elle qui est fausse).",
    target: { tab: "finances", section: "echeancier" },
  },
  verse_sans_engagement: {
    label: "Versé sans engagement",
    description:
      "De l'argent a été versé alors que l'allocation n'est pas engagée selon la règle de son mode de financement.",
    fix: "Complétez le dossier de financement (date de la convention ou de la décision, numéro d'EJ).",
    target: { tab: "finances", section: "financement" },
  },
  tranche_en_retard: {
    label: "Tranche en retard",
    description: "Une tranche n'est ni payée ni annulée après sa date prévue.",
    fix: "Faites avancer la tranche (service fait, demande de paiement, paiement), replanifiez-la ou annulez-la avec un motif.",
    target: { tab: "finances", section: "echeancier" },
  },
  allocation_sans_echeancier: {
    label: "Allocation sans échéancier",
    description: "Un montant est alloué mais aucune tranche n'est planifiée.",
    fix: "Proposez puis enregistrez un échéancier (avance, acomptes, solde).",
    target: { tab: "finances", section: "echeancier" },
  },
  mode_financement_manquant: {
    label: "Mode de financement non précisé",
    description:
      "Sans mode de financement (subvention ou transfert de crédits), ni l'engagement ni les versements ne peuvent être contrôlés.",
    fix: "Précisez le mode de financement du lauréat.",
    target: { tab: "fiche", section: "modifier" },
  },
  scdl_ligne_ecartee: {
    label: "Subvention écartée des données ouvertes (SCDL)",
    description:
      "Cette subvention manque d'une information obligatoire du fichier « subventions » (SCDL) : le fichier la laisse de côté.",
    fix: "Complétez le dossier de financement (SIRET ou RNA du bénéficiaire, date de la convention, conditions de versement) ; le SIRET de l'attribuant se règle dans la configuration du serveur (SCDL_ATTRIBUANT_SIRET).",
    target: { tab: "finances", section: "financement" },
  },
  dossier_financement_incomplet: {
    label: "Dossier de financement incomplet",
    description:
      "Le dossier de financement n'a pas ce que son mode exige avant tout service fait, demande de paiement ou versement.",
    fix: "Saisissez les informations manquantes dans le dossier de financement.",
    target: { tab: "finances", section: "financement" },
  },
} as const satisfies Record<string, ControlKindDefinition>;
export type ControlKind = keyof typeof CONTROL_KINDS;
export const CONTROL_KIND_KEYS = Object.keys(CONTROL_KINDS) as ControlKind[];

/** A tranche as an anomaly names it. */
export interface ControlTranche {
  kind: TrancheKind;
  position: number;
  status: TrancheStatus;
  plannedOn: string;
}

interface ControlBase {
  laureate: { slug: string; title: string };
  /** The money at stake, in cents (signed for a gap); null when no amount applies. */
  amountCents: Cents | null;
  /**
   * Since when the anomaly stands ("AAAA-MM-JJ"), as its kind reads it (docs/controles.md); null only
   * for a subsidy dropped from the open data before its convention is dated.
   */
  since: string | null;
}

/** One anomaly, with the facts its kind needs to be explained. */
export type ControlItem = ControlBase &
  (
    | { kind: "versement_sans_tranche"; paymentReference: string | null }
    | { kind: "tranche_payee_sans_versement"; tranche: ControlTranche }
    | { kind: "versement_sur_tranche_non_payee"; tranche: ControlTranche; paymentReference: string | null }
    | { kind: "prevu_different_alloue"; plannedCents: Cents; allocatedCents: Cents }
    | { kind: "verse_sans_engagement"; fundingMode: FundingModeKey }
    | { kind: "tranche_en_retard"; tranche: ControlTranche; daysLate: number }
    | { kind: "allocation_sans_echeancier" }
    | { kind: "mode_financement_manquant" }
    | { kind: "scdl_ligne_ecartee"; reasons: ScdlExclusionReason[] }
    | { kind: "dossier_financement_incomplet"; fundingMode: FundingModeKey; missing: RequiredFundingFact[] }
  );

export interface ControlsReport {
  /** The day the controls ran on (Paris): late tranches are late on this day. */
  checkedOn: string;
  total: number;
  /** Every kind, in the dictionary's order, with its count (0 included). */
  counts: { kind: ControlKind; count: number }[];
  items: ControlItem[];
}

/** The number of anomalies of each kind, every kind listed. */
export function countsByKind(items: readonly Pick<ControlItem, "kind">[]): ControlsReport["counts"] {
  return CONTROL_KIND_KEYS.map((kind) => ({
    kind,
    count: items.filter((item) => item.kind === kind).length,
  }));
}
