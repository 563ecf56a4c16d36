import { ROLES } from "./roles.js";
import type { AuditAction } from "./audit.js";
import {
  asDay,
  asDepartement,
  asEuros,
  asIndex,
  asMonth,
  asNumber,
  asSchedule,
  asScope,
  asScores,
  asText,
  asYearlyTargets,
  asYesNo,
  listOf,
  recordOf,
  vocabulary,
  type AuditField,
} from "./audit-values.js";
import { PAYMENT_CONDITIONS, PAYMENT_SOURCES, TRANCHE_KINDS, TRANCHE_STATUSES } from "./finance/index.js";
import { CATEGORIES, FUNDING_MODES, MINISTRIES } from "./laureate.js";
import { COMMENT_KINDS, MILESTONE_STATUSES, WEATHER_LEVELS } from "./progress/index.js";
import { ADOPTION_STAGES, ASSET_KINDS } from "./replication/index.js";
import { REGIONS } from "./territory.js";
import { DECISION_STATUSES } from "./decisions.js";
import {
  COMMON_AGGREGATIONS,
  INDICATOR_DIRECTIONS,
  INDICATOR_PERIODICITIES,
  INDICATOR_STATUSES,
  INDICATOR_SUBJECTS,
  INDICATOR_UNITS,
} from "./impact/index.js";

/**
 * What each audit action writes in its "before" and "after": every key, with
 * its French label and the format of its value. One line per key: a command
 * that writes a key its action does not list here fails to compile
 * (`recordAudit` is typed by this table), and the journal, the history and
 * the CSV read it the same way.
 */
const field = (label: string, format: AuditField["format"] = asText): AuditField => ({ label, format });

const AMOUNT = field("Montant", asEuros);
const DAY = field("Date", asDay);
const REFERENCE = field("Référence");
const REASON = field("Motif");
/** When the planned schedule and the allocation differ, and the officer keeps the gap. */
const SCHEDULE_GAP = {
  ecartCentimes: field("Écart entre l'échéancier et l'allocation", asEuros),
  motifEcart: field("Motif de l'écart conservé"),
};

const ACCOUNT = {
  email: field("Adresse électronique"),
  nom: field("Nom"),
  role: field("Rôle", vocabulary(ROLES)),
  perimetre: field("Périmètre", asScope),
  actif: field("Actif", asYesNo),
  motDePasse: field("Mot de passe"),
};

const PAYMENT = {
  montantCentimes: AMOUNT,
  date: field("Date du versement", asDay),
  reference: REFERENCE,
  motif: REASON,
  source: field("Origine", vocabulary(PAYMENT_SOURCES)),
  tranche: field("Tranche", asNumber),
  horsEcheancier: field("Hors échéancier", asYesNo),
};

const MILESTONE = {
  titre: field("Titre"),
  description: field("Description"),
  echeance: field("Échéance", asDay),
  statut: field("Statut", vocabulary(MILESTONE_STATUSES)),
  atteintLe: field("Atteint le", asDay),
  preuve: field("Preuve"),
  lienPreuve: field("Lien vers la preuve"),
};

const WEATHER = {
  periode: field("Période", asMonth),
  meteo: field("Météo", vocabulary(WEATHER_LEVELS)),
  synthese: field("Synthèse"),
};

const ASSET = {
  type: field("Type de ressource", vocabulary(ASSET_KINDS)),
  libelle: field("Libellé"),
  adresse: field("Adresse (URL)"),
  courriel: field("Adresse électronique"),
};

const ADOPTION = {
  organisation: field("Organisation"),
  region: field("Région", vocabulary(REGIONS)),
  departement: field("Département", asDepartement),
  contact: field("Contact"),
  notes: field("Notes"),
  etape: field("Étape", vocabulary(ADOPTION_STAGES)),
  date: DAY,
  motif: REASON,
};

const INDICATOR = {
  nom: field("Nom"),
  unite: field("Unité", vocabulary(INDICATOR_UNITS)),
  libelleUnite: field("Libellé de l'unité"),
  objet: field("Public concerné", vocabulary(INDICATOR_SUBJECTS)),
  sens: field("Sens souhaité", vocabulary(INDICATOR_DIRECTIONS)),
  valeurInitiale: field("Valeur initiale"),
  dateValeurInitiale: field("Date de la valeur initiale", asDay),
  cible: field("Cible"),
  dateCible: field("Date de la cible", asDay),
  ciblesAnnuelles: field("Cibles annuelles", asYearlyTargets),
  periodicite: field("Périodicité", vocabulary(INDICATOR_PERIODICITIES)),
  source: field("Source"),
  methode: field("Méthode de calcul"),
  indicateurCommun: field("Indicateur commun"),
  poids: field("Poids dans la moyenne"),
  statut: field("Statut", vocabulary(INDICATOR_STATUSES)),
  motifRefus: field("Raison du refus"),
};

const MEASURE = {
  indicateur: field("Indicateur"),
  date: field("Date de la mesure", asDay),
  valeur: field("Valeur"),
  source: field("Source"),
  commentaire: field("Commentaire"),
};

const COMMON_INDICATOR = {
  nom: field("Nom"),
  unite: field("Unité", vocabulary(INDICATOR_UNITS)),
  libelleUnite: field("Libellé de l'unité"),
  agregation: field("Agrégation", vocabulary(COMMON_AGGREGATIONS)),
  description: field("Description"),
};

/** The milestones of a guided update, by their id: each one read as a milestone. */
const milestonesById = (value: unknown) =>
  typeof value === "object" && value !== null && !Array.isArray(value)
    ? listOf(recordOf(MILESTONE))(Object.values(value))
    : asText(value);

export const AUDIT_FIELDS = {
  "session.connexion": { methode: field("Méthode") },
  "session.deconnexion": {},
  "utilisateur.creation": ACCOUNT,
  "utilisateur.modification": ACCOUNT,
  "utilisateur.desactivation": ACCOUNT,
  "utilisateur.reactivation": ACCOUNT,
  "utilisateur.attribution": { perimetre: ACCOUNT.perimetre },
  "laureat.modification": {
    porteur: field("Porteur du projet"),
    ministere: field("Ministère de rattachement", vocabulary(MINISTRIES)),
    modeFinancement: field("Mode de financement", vocabulary(FUNDING_MODES)),
    laboratoiresPartenaires: field("Laboratoires et partenaires"),
    categorie: field("Catégorie", vocabulary(CATEGORIES)),
  },
  "allocation.modification": {
    montantCentimes: field("Montant alloué", asEuros),
    motif: REASON,
    ...SCHEDULE_GAP,
  },
  "allocation.reaffectation": {
    origine: field("Allocation du lauréat d'origine", asEuros),
    destination: field("Allocation du lauréat bénéficiaire", asEuros),
    montantCentimes: field("Montant réaffecté", asEuros),
    motif: REASON,
  },
  "versement.enregistrement": PAYMENT,
  "versement.hors_echeancier": PAYMENT,
  "versement.contre-passation": {
    contrePassation: field("Versement de contre-passation", asNumber),
    montantCentimes: AMOUNT,
    motif: REASON,
  },
  "financement.modification": {
    dateConvention: field("Date de la convention", asDay),
    numeroEj: field("Numéro d'engagement juridique (EJ)"),
    siret: field("SIRET"),
    rna: field("Numéro RNA"),
    conditionsVersement: field("Conditions de versement", vocabulary(PAYMENT_CONDITIONS)),
    modeFinancement: field("Mode de financement", vocabulary(FUNDING_MODES)),
    referenceTransfert: field("Référence du transfert de crédits"),
  },
  "echeancier.planification": { tranches: field("Échéancier", asSchedule), motif: REASON, ...SCHEDULE_GAP },
  "echeancier.ecart": { ecartCentimes: SCHEDULE_GAP.ecartCentimes, motif: REASON },
  "tranche.statut": {
    statut: field("Statut", vocabulary(TRANCHE_STATUSES)),
    date: DAY,
    reference: REFERENCE,
    motif: REASON,
    type: field("Tranche", vocabulary(TRANCHE_KINDS)),
    montantCentimes: AMOUNT,
    source: field("Origine", vocabulary(PAYMENT_SOURCES)),
    versement: field("Versement", asNumber),
  },
  "tranche.jalon": { jalonRequis: field("Jalon requis") },
  "import.paiements": {
    format: field("Format du fichier", vocabulary({ csv: "CSV", xlsx: "Classeur XLSX" })),
    sha256: field("Empreinte du fichier (SHA-256)"),
    dateReleve: field("Date du relevé", asDay),
    lignes: field("Lignes lues"),
    versementsImportes: field("Versements importés"),
    montantCentimes: field("Montant importé", asEuros),
    tranchesPayees: field("Tranches payées"),
    horsEcheancier: field("Versements hors échéancier"),
    montantHorsEcheancierCentimes: field("Montant hors échéancier", asEuros),
    doublonsIgnores: field("Doublons ignorés"),
  },
  "mesure.import": {
    format: field("Format du fichier", vocabulary({ csv: "CSV", xlsx: "Classeur XLSX" })),
    sha256: field("Empreinte du fichier (SHA-256)"),
    lignes: field("Lignes lues"),
    mesuresImportees: field("Mesures importées"),
    dejaEnregistrees: field("Mesures déjà enregistrées"),
  },
  "jalon.creation": MILESTONE,
  "jalon.modification": MILESTONE,
  "jalon.deplacement": { rang: field("Rang") },
  "meteo.declaration": WEATHER,
  "meteo.modification": WEATHER,
  "commentaire.ajout": {
    type: field("Type de commentaire", vocabulary(COMMENT_KINDS)),
    texte: field("Texte"),
  },
  "commentaire.modification": { texte: field("Texte"), redigePar: field("Rédigé par") },
  "commentaire.suppression": {
    type: field("Type de commentaire", vocabulary(COMMENT_KINDS)),
    texte: field("Texte"),
    redigePar: field("Rédigé par"),
  },
  "suivi.mise-a-jour": {
    meteo: field("Météo", recordOf(WEATHER)),
    jalons: field("Jalons", milestonesById),
    commentaires: field("Commentaires", listOf(asText)),
    mesures: field("Mesures", listOf(recordOf(MEASURE))),
  },
  "suivi.reglages": { joursAvantRelance: field("Jours sans mise à jour avant relance") },
  "rappels.relance": {
    sponsor: field("Sponsor"),
    destinataire: field("Destinataire"),
    message: field("Message n°"),
    laureats: field("Lauréats", listOf(asText)),
  },
  "rappels.envoi": {
    semaine: field("Semaine du", asDay),
    declenchement: field("Déclenchement"),
    rappelsSponsors: field("Rappels aux sponsors"),
    alertesChargees: field("Alertes aux chargé·es de mission"),
  },
  "essaimage.notation": {
    indice: field("Indice de potentiel", asIndex),
    notes: field("Notes", asScores),
    sponsor: field("Sponsor"),
  },
  "ressource.enregistrement": ASSET,
  "ressource.suppression": ASSET,
  "laureat.cloture": { dateCloture: field("Date de clôture", asDay), enseignements: field("Enseignements") },
  "adoption.creation": ADOPTION,
  "adoption.modification": ADOPTION,
  "adoption.etape": ADOPTION,
  "revue.ouverture": { arreteAu: field("Arrêtée au", asDay), titre: field("Titre") },
  "decision.enregistrement": {
    revue: field("Revue du", asDay),
    decision: field("Décision"),
    responsable: field("Responsable"),
    echeance: field("Échéance", asDay),
    laureats: field("Lauréats", listOf(asText)),
  },
  "decision.statut": {
    revue: field("Notée à la revue du", asDay),
    statut: field("Statut", vocabulary(DECISION_STATUSES)),
    note: field("Note"),
  },
  "programme.calendrier": {
    finLe: field("Fin du programme", asDay),
    consommationAvantLe: field("Date limite de consommation", asDay),
  },
  "indicateur.creation": INDICATOR,
  "indicateur.modification": INDICATOR,
  "indicateur.proposition": INDICATOR,
  "indicateur.decision": { statut: INDICATOR.statut, motifRefus: INDICATOR.motifRefus },
  "mesure.saisie": MEASURE,
  "mesure.correction": MEASURE,
  "indicateur-commun.creation": COMMON_INDICATOR,
  "indicateur-commun.modification": COMMON_INDICATOR,
} as const satisfies Record<AuditAction, Readonly<Record<string, AuditField>>>;

type FieldKeys<Action extends AuditAction> = keyof (typeof AUDIT_FIELDS)[Action];

/** The keys an action may write: `recordAudit` accepts no other (none for an action that writes none). */
export type AuditPayload<Action extends AuditAction> = [FieldKeys<Action>] extends [never]
  ? Record<string, never>
  : { readonly [Key in FieldKeys<Action>]?: unknown };
