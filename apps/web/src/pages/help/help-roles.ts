import type { Role } from "@defis/domain/roles";

export interface RoleGuide {
  role: Role;
  /** What to do first, in order. */
  firstSteps: string[];
  /** The journeys this role comes back for. */
  journeys: string[];
}

/** Per role, "what do I do first?" and the usual journeys, as the pages name them. */
export const ROLE_GUIDES: RoleGuide[] = [
  {
    role: "sponsor",
    firstSteps: [
      "Connectez-vous (ProConnect ou mot de passe) : vous arrivez sur « Mes projets », les lauréats de votre périmètre, ceux qui demandent une mise à jour en tête.",
      "Choisissez « Mettre à jour » sur le premier projet : la mise à jour guidée vous demande la météo du mois et sa synthèse, l'état de chaque jalon, vos commentaires, puis une vérification avant d'enregistrer.",
      "La synthèse du mois précédent s'affiche à côté du champ : écrivez la nouvelle, ou « Repartez du texte précédent » pour le compléter.",
      "Après l'enregistrement, « Mettre à jour le projet suivant » vous mène au prochain projet à mettre à jour, jusqu'au dernier.",
    ],
    journeys: [
      "Chaque mois, ou quand le rappel du lundi vous le demande : la mise à jour guidée de chaque projet.",
      "Un jalon atteint : indiquez-le avec sa date et, si vous l'avez, une preuve (note ou lien).",
      "Dans l'onglet « Essaimage » d'un projet : les administrations qui reprennent la solution et les ressources réutilisables.",
    ],
  },
  {
    role: "charge_mission",
    firstSteps: [
      "Parcourez le « Portefeuille » (page d'accueil) : chaque lauréat, son argent, sa météo et ses signaux.",
      "Sur « Finances », attribuez un montant à chaque lauréat ; dans sa fiche (onglet « Finances »), complétez le dossier de financement (date de convention, numéro d'EJ) : sans lui, l'argent ne peut pas avancer.",
      "Proposez l'échéancier (avance, acomptes, solde), ajustez-le, et choisissez si une tranche attend un jalon.",
      "Ouvrez « À relancer » : relancez un sponsor en retard en un clic, ou désignez un sponsor pour un lauréat qui n'en a pas.",
    ],
    journeys: [
      "Faire avancer une tranche : service fait, demande de paiement, puis paiement, qui enregistre le versement.",
      "Importer le relevé de paiements de Chorus (« Finances », « Importer un relevé de paiements ») : simulation, puis application.",
      "Ouvrir une revue de portefeuille avant le comité de pilotage, et noter la grille d'essaimage avec le sponsor.",
      "Lire la boîte d'envoi (« Rappels ») et le « Journal » de tout ce qui a été modifié.",
    ],
  },
  {
    role: "direction",
    firstSteps: [
      "Connectez-vous : vous arrivez sur « Pilotage », dont le premier écran est la synthèse : chiffres clés et leur évolution depuis la dernière revue, atterrissage de l'enveloppe, lauréats qui appellent une décision.",
      "Choisissez une date dans « État au » pour revoir chaque chiffre tel qu'il était ce jour-là.",
      "Ouvrez « Revues » : les chiffres figés pour chaque comité de pilotage, et ce qui a changé depuis la précédente.",
    ],
    journeys: [
      "Avant un comité : la note de synthèse (deux pages, lien « Note de synthèse à imprimer ») et la dernière revue, à imprimer (une fiche par lauréat).",
      "Un graphique ouvre le portefeuille filtré : un lien se partage tel quel.",
      "Vous lisez tout ; vous ne modifiez rien.",
    ],
  },
  {
    role: "administrateur",
    firstSteps: [
      "Dans « Administration », créez les comptes : un rôle chacun, et pour un sponsor son périmètre (des lauréats, un ministère ou un porteur).",
      "Réglez la fréquence de mise à jour (« Jours avant relance », 30 par défaut) : elle décide de la fraîcheur et des rappels.",
      "Fixez le calendrier du programme (fin et date limite de consommation de l'enveloppe) : l'atterrissage du pilotage s'y mesure.",
    ],
    journeys: [
      "Désactiver le compte d'une personne qui part : ses sessions sont fermées aussitôt.",
      "Lire le « Journal » : qui a modifié quoi, quand, avant et après.",
      "Vous avez aussi tout ce que fait une chargée ou un chargé de mission.",
    ],
  },
];
