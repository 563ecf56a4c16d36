import { z } from "zod";
import { roleSchema } from "./accounts.js";
import { isoDateSchema } from "./dates.js";
import type { FreshnessPart } from "./progress.js";
import type { Role } from "./roles.js";

/** The action codes the application records, and what the journal says of each. */
const ACTION_LABELS = {
  "session.connexion": "Connexion",
  "session.deconnexion": "Déconnexion",
  "utilisateur.creation": "Création de compte",
  "utilisateur.modification": "Modification de compte",
  "utilisateur.desactivation": "Désactivation de compte",
  "utilisateur.reactivation": "Réactivation de compte",
  "laureat.modification": "Modification de la fiche lauréat",
  "allocation.modification": "Modification d'une allocation",
  "allocation.reaffectation": "Réaffectation entre lauréats",
  "versement.enregistrement": "Enregistrement d'un versement",
  "versement.contre-passation": "Contre-passation d'un versement",
  "financement.modification": "Modification du dossier de financement",
  "echeancier.planification": "Planification de l'échéancier",
  "tranche.statut": "Changement de statut d'une tranche",
  "import.paiements": "Import d'un relevé de paiements",
  "tranche.jalon": "Jalon requis pour une tranche",
  "jalon.creation": "Création d'un jalon",
  "jalon.modification": "Modification d'un jalon",
  "jalon.deplacement": "Changement d'ordre d'un jalon",
  "meteo.declaration": "Déclaration de la météo",
  "meteo.modification": "Modification de la météo",
  "commentaire.ajout": "Ajout d'un commentaire",
  "commentaire.modification": "Modification d'un commentaire",
  "suivi.mise-a-jour": "Mise à jour guidée du suivi",
  "suivi.reglages": "Réglage de la fréquence de mise à jour",
  "rappels.envoi": "Envoi des rappels",
  "essaimage.notation": "Notation du potentiel d'essaimage",
  "ressource.enregistrement": "Enregistrement d'une ressource réutilisable",
  "ressource.suppression": "Retrait d'une ressource réutilisable",
  "laureat.cloture": "Clôture du lauréat",
  "adoption.creation": "Enregistrement d'une adoption",
  "adoption.modification": "Modification d'une adoption",
  "adoption.etape": "Changement d'étape d'une adoption",
  "revue.ouverture": "Ouverture d'une revue de portefeuille",
} as const;
export type AuditAction = keyof typeof ACTION_LABELS;

/** What the journal says of a stored action code; the journal shows an unknown code as it is. */
export const AUDIT_ACTIONS: Readonly<Record<string, string>> = ACTION_LABELS;

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
} as const;
export type AuditEntity = keyof typeof AUDIT_ENTITIES;

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
    actorId: z.number().int().positive().optional(),
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
