import { z } from "zod";
import { roleSchema } from "./accounts.js";
import { isoDateSchema } from "./dates.js";
import type { FreshnessPart } from "./progress/index.js";
import type { Role } from "./roles.js";
import { storedInteger } from "./identifiers.js";

export const AUDIT_ENTITIES = {
  utilisateur: "Compte",
  laureat: "Lauréat",
  allocation: "Allocation",
  versement: "Versement",
  financement: "Dossier de financement",
  echeancier: "Échéancier",
  tranche: "Tranche",
  import: "Import",
  jalon: "Jalon",
  meteo: "Météo",
  commentaire: "Commentaire",
  suivi: "Suivi",
  reglages: "Réglages",
  rappels: "Rappels",
  grille: "Grille d'essaimage",
  ressource: "Ressource réutilisable",
  cloture: "Clôture",
  adoption: "Adoption",
  revue: "Revue de portefeuille",
  decision: "Décision de revue",
  programme: "Programme",
  indicateur: "Indicateur d'impact",
  mesure: "Mesure d'un indicateur",
  indicateur_commun: "Indicateur commun",
} as const;
export type AuditEntity = keyof typeof AUDIT_ENTITIES;

/**
 * Who wrote an event no person wrote: stored on the event (`system_author`),
 * so that the journal names it instead of leaving the author blank. An event
 * has a person or a system author, never neither (a constraint of the table).
 */
export const SYSTEM_AUTHORS = {
  import: "Import du relevé",
  rappels: "Rappels hebdomadaires",
  demonstration: "Démonstration",
  migration: "Migration des données",
  systeme: "Traitement automatique de l'application",
} as const;
export type SystemAuthor = keyof typeof SYSTEM_AUTHORS;

/**
 * The actions the application records: the entity each one concerns (stored
 * beside it, so that the journal filters by entity) and what the journal says
 * of it. One dictionary: a typo or an action filed under another entity is a
 * compile error, not a freshness silently missed.
 */
const ACTIONS = {
  "session.connexion": { entity: "utilisateur", label: "Connexion" },
  "session.deconnexion": { entity: "utilisateur", label: "Déconnexion" },
  "utilisateur.creation": { entity: "utilisateur", label: "Création de compte" },
  "utilisateur.modification": { entity: "utilisateur", label: "Modification de compte" },
  "utilisateur.desactivation": { entity: "utilisateur", label: "Désactivation de compte" },
  "utilisateur.reactivation": { entity: "utilisateur", label: "Réactivation de compte" },
  "laureat.modification": { entity: "laureat", label: "Modification de la fiche lauréat" },
  "allocation.modification": { entity: "allocation", label: "Modification d'une allocation" },
  "allocation.reaffectation": { entity: "allocation", label: "Réaffectation entre lauréats" },
  "versement.enregistrement": { entity: "versement", label: "Enregistrement d'un versement" },
  "versement.contre-passation": { entity: "versement", label: "Contre-passation d'un versement" },
  "versement.hors_echeancier": { entity: "versement", label: "Versement hors échéancier" },
  "financement.modification": { entity: "financement", label: "Modification du dossier de financement" },
  "echeancier.planification": { entity: "echeancier", label: "Planification de l'échéancier" },
  "echeancier.ecart": { entity: "echeancier", label: "Écart gardé entre l'échéancier et l'allocation" },
  "tranche.statut": { entity: "tranche", label: "Changement de statut d'une tranche" },
  "import.paiements": { entity: "import", label: "Import d'un relevé de paiements" },
  "tranche.jalon": { entity: "tranche", label: "Jalon requis pour une tranche" },
  "jalon.creation": { entity: "jalon", label: "Création d'un jalon" },
  "jalon.modification": { entity: "jalon", label: "Modification d'un jalon" },
  "jalon.deplacement": { entity: "jalon", label: "Changement d'ordre d'un jalon" },
  "meteo.declaration": { entity: "meteo", label: "Déclaration de la météo" },
  "meteo.modification": { entity: "meteo", label: "Modification de la météo" },
  "commentaire.ajout": { entity: "commentaire", label: "Ajout d'un commentaire" },
  "commentaire.modification": { entity: "commentaire", label: "Modification d'un commentaire" },
  "commentaire.suppression": { entity: "commentaire", label: "Suppression d'un commentaire" },
  "suivi.mise-a-jour": { entity: "suivi", label: "Mise à jour guidée du suivi" },
  "suivi.reglages": { entity: "reglages", label: "Réglage de la fréquence de mise à jour" },
  "rappels.envoi": { entity: "rappels", label: "Envoi des rappels" },
  "rappels.relance": { entity: "rappels", label: "Relance d'un sponsor" },
  "utilisateur.attribution": { entity: "utilisateur", label: "Attribution d'un lauréat à un sponsor" },
  "essaimage.notation": { entity: "grille", label: "Notation du potentiel d'essaimage" },
  "ressource.enregistrement": { entity: "ressource", label: "Enregistrement d'une ressource réutilisable" },
  "ressource.suppression": { entity: "ressource", label: "Retrait d'une ressource réutilisable" },
  "laureat.cloture": { entity: "cloture", label: "Clôture du lauréat" },
  "adoption.creation": { entity: "adoption", label: "Enregistrement d'une adoption" },
  "adoption.modification": { entity: "adoption", label: "Modification d'une adoption" },
  "adoption.etape": { entity: "adoption", label: "Changement d'étape d'une adoption" },
  "revue.ouverture": { entity: "revue", label: "Ouverture d'une revue de portefeuille" },
  "decision.enregistrement": { entity: "decision", label: "Enregistrement d'une décision de revue" },
  "decision.statut": { entity: "decision", label: "Suivi d'une décision de revue" },
  "programme.calendrier": { entity: "programme", label: "Calendrier du programme" },
  "indicateur.creation": { entity: "indicateur", label: "Définition d'un indicateur d'impact" },
  "indicateur.modification": { entity: "indicateur", label: "Modification d'un indicateur d'impact" },
  "indicateur.proposition": { entity: "indicateur", label: "Proposition d'un indicateur d'impact" },
  "indicateur.decision": { entity: "indicateur", label: "Réponse à une proposition d'indicateur" },
  "mesure.saisie": { entity: "mesure", label: "Saisie d'une mesure d'indicateur" },
  "mesure.correction": { entity: "mesure", label: "Correction d'une mesure d'indicateur" },
  "indicateur-commun.creation": { entity: "indicateur_commun", label: "Création d'un indicateur commun" },
  "indicateur-commun.modification": {
    entity: "indicateur_commun",
    label: "Modification d'un indicateur commun",
  },
  "mesure.import": { entity: "mesure", label: "Import de mesures d'indicateurs" },
} as const satisfies Record<string, { entity: AuditEntity; label: string }>;
export type AuditAction = keyof typeof ACTIONS;

/** What the journal says of a stored action code; the journal shows an unknown code as it is. */
export const AUDIT_ACTIONS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(ACTIONS).map(([action, { label }]) => [action, label]),
);

export function entityOf(action: AuditAction): AuditEntity {
  return ACTIONS[action].entity;
}

/** Which parts of the follow-up a change to an audited entity refreshes. */
const PARTS_REFRESHED_BY: Readonly<Partial<Record<AuditEntity, readonly FreshnessPart[]>>> = {
  allocation: ["finances"],
  versement: ["finances"],
  financement: ["finances"],
  echeancier: ["finances"],
  tranche: ["finances"],
  import: ["finances"],
  jalon: ["jalons"],
  meteo: ["meteo"],
  // A guided update confirms milestones and météo together, even unchanged.
  suivi: ["jalons", "meteo"],
};

export function partsRefreshedBy(entity: AuditEntity): readonly FreshnessPart[] {
  return PARTS_REFRESHED_BY[entity] ?? [];
}

export const AUDIT_PAGE_SIZE = 50;

/** Filters of the journal: who, what, when. Dates are whole days in Europe/Paris. */
export const auditFiltersSchema = z
  .object({
    actorId: storedInteger.optional(),
    entity: z.enum(Object.keys(AUDIT_ENTITIES) as [AuditEntity], { error: "Objet inconnu." }).optional(),
    role: roleSchema.optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    page: z.number().int().min(1).max(10_000).default(1),
  })
  .refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, {
    error: "La date de début doit précéder la date de fin.",
    path: ["to"],
  });
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export interface AuditEventItem {
  id: number;
  occurredAt: Date;
  actor: { id: number; displayName: string; email: string } | null;
  actorRole: Role | null;
  /** Set when no person wrote the event: the import, the weekly reminders, the demonstration… */
  systemAuthor: SystemAuthor | null;
  action: string;
  entity: string;
  entityId: string;
  laureate: { slug: string; title: string } | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
}

export interface AuditPage {
  events: AuditEventItem[];
  total: number;
  page: number;
  pageSize: number;
}
