import { COMMITMENT_DEFINITIONS, FUNDING_MODES, PAYMENT_GRACE_DAYS } from "@defis/domain";
import type { ReactNode } from "react";
import type { HelpTerm } from "../../routes";

export interface GlossaryEntry {
  /** The anchor the "?" links point to; terms without one are reached from the page only. */
  id: HelpTerm | `terme-${string}`;
  term: string;
  definition: ReactNode;
}

export interface GlossaryGroup {
  id: string;
  title: string;
  entries: GlossaryEntry[];
}

/**
 * Every term the dashboard uses, with the rule the application applies: the
 * rules below are those of packages/domain (health, freshness, commitment),
 * their constants read from there, not restated by hand.
 */
export const GLOSSARY: GlossaryGroup[] = [
  {
    id: "glossaire-argent",
    title: "L'argent",
    entries: [
      {
        id: "terme-enveloppe",
        term: "Enveloppe",
        definition: "Les 3 000 000 € de France Relance de l'appel à défis, à répartir entre les 27 lauréats.",
      },
      {
        id: "terme-alloue",
        term: "Alloué, réserve non allouée",
        definition:
          "Le montant attribué à un lauréat (une révision remplace le montant d'origine, gardé pour l'historique). La réserve est l'enveloppe moins la somme des allocations ; elle ne peut jamais être négative.",
      },
      {
        id: "engage",
        term: "Engagé (AE)",
        definition: (
          <>
            L'allocation d'un lauréat compte comme engagée (autorisations d'engagement consommées) selon son
            mode de financement :
            <ul>
              {(Object.keys(COMMITMENT_DEFINITIONS) as (keyof typeof COMMITMENT_DEFINITIONS)[]).map(
                (mode) => (
                  <li key={mode}>
                    {FUNDING_MODES[mode]} : {COMMITMENT_DEFINITIONS[mode]}
                  </li>
                ),
              )}
            </ul>
          </>
        ),
      },
      {
        id: "terme-verse",
        term: "Versé (CP)",
        definition:
          "La somme des versements (crédits de paiement consommés), contre-passations déduites, à leur date de valeur.",
      },
      {
        id: "restes-a-payer",
        term: "Restes à payer",
        definition:
          "Engagé moins versé : ce que l'État doit encore payer sur les allocations engagées. Un lauréat non engagé n'a pas de restes à payer ; ce qui lui aurait été versé est signalé à part.",
      },
      {
        id: "taux-de-versement",
        term: "% versé",
        definition:
          "Le taux de versement : versé divisé par alloué, pour le portefeuille, un regroupement ou un lauréat.",
      },
      {
        id: "prevu",
        term: "Prévu (courbe des versements)",
        definition:
          "Défis ne fait pas de prévision statistique : la courbe « prévu » cumule, par mois d'échéance, les montants des tranches non annulées de l'échéancier, à côté du versé cumulé par mois de valeur.",
      },
      {
        id: "tranche",
        term: "Tranche, échéancier",
        definition:
          "L'échéancier d'un lauréat découpe son allocation en tranches : une avance (30 % proposés), un ou des acomptes, un solde. Une tranche avance seulement : prévu, service fait, demande de paiement, payé ; ou annulé avant paiement, avec un motif.",
      },
      {
        id: "service-fait",
        term: "Service fait",
        definition:
          "Le constat que le bénéficiaire a rempli la condition de la tranche. Quand la tranche attend un « jalon requis », le service fait n'est possible qu'une fois ce jalon atteint : le bouton reste grisé, avec la raison, jusque-là.",
      },
      {
        id: "terme-demande-de-paiement",
        term: "Demande de paiement (DP)",
        definition:
          "L'étape entre le service fait et le paiement, avec son numéro Chorus quand il est connu.",
      },
      {
        id: "terme-contre-passation",
        term: "Contre-passation",
        definition:
          "Un versement ne se modifie jamais : une erreur se corrige par un versement négatif, avec son motif, une seule fois par versement. La tranche payée redevient « demande de paiement ».",
      },
      {
        id: "terme-releve",
        term: "Relevé de paiements",
        definition:
          "Le fichier (CSV ou XLSX) des paiements extrait de Chorus, importé depuis la page « Finances » : une simulation d'abord, puis l'application, tout ou rien.",
      },
    ],
  },
  {
    id: "glossaire-suivi",
    title: "Le suivi des projets",
    entries: [
      {
        id: "jalon",
        term: "Jalon, en retard",
        definition:
          "Une étape datée du projet : à venir, en cours, atteint (avec sa date) ou abandonné. « En retard » n'est jamais saisi : un jalon ni atteint ni abandonné dont l'échéance est passée est en retard d'autant de jours.",
      },
      {
        id: "meteo",
        term: "Météo",
        definition:
          "Ce que le sponsor déclare chaque mois, avec une synthèse d'au moins 10 caractères : soleil (le projet avance comme prévu), nuage (des difficultés sous contrôle), couvert (des difficultés sérieuses qui demandent un appui), orage (le projet est en danger).",
      },
      {
        id: "sante-calculee",
        term: "Santé calculée",
        definition: (
          <>
            La météo que donnent les faits, affichée à côté de la météo déclarée : la plus mauvaise que donne
            l'une de ces règles, soleil si aucune ne s'applique.
            <ul>
              <li>
                Un jalon en retard de 1 à 29 jours : nuage ; de 30 à 59 jours : couvert ; 60 jours ou plus :
                orage.
              </li>
              <li>Une tranche prévue, dont la date est passée, qui attend un jalon non atteint : couvert.</li>
              <li>
                Des tranches ni payées ni annulées plus de {PAYMENT_GRACE_DAYS} jours après leur date prévue :
                nuage.
              </li>
              <li>
                Jalons ou météo sans mise à jour depuis plus que la fréquence : nuage ; depuis plus de deux
                fois la fréquence, ou jamais : couvert.
              </li>
            </ul>
          </>
        ),
      },
      {
        id: "meteo-a-verifier",
        term: "Météo à vérifier",
        definition:
          "Le signal posé quand la météo déclarée est meilleure de deux niveaux ou plus que la santé calculée : « soleil » avec un jalon en retard de 45 jours (couvert) est à vérifier ; « soleil » avec une seule tranche en retard (nuage) ne l'est pas.",
      },
      {
        id: "fraicheur",
        term: "Fraîcheur, à mettre à jour",
        definition:
          "Pour chaque lauréat, la date et l'auteur de la dernière mise à jour de trois parties : finances (tenues par la DITP), jalons et météo (tenus par le sponsor). Toute modification enregistrée met sa partie à jour ; la mise à jour guidée met à jour jalons et météo même sans changement. Une partie est à mettre à jour quand elle ne l'a pas été depuis plus que la fréquence réglée par l'administrateur (30 jours par défaut), ou jamais. Un indicateur d'impact suivi l'est quand sa mesure attendue n'est pas saisie : une période (mois, trimestre ou année) après sa dernière mesure, ou après sa valeur initiale ; il est demandé au sponsor comme une partie.",
      },
      {
        id: "terme-perimetre",
        term: "Périmètre d'un sponsor",
        definition:
          "Les lauréats qu'un sponsor suit : nommés un par un, ceux d'un ministère ou ceux d'un porteur. Un sponsor ne peut mettre à jour que les lauréats de son périmètre ; l'interface ne lui propose rien d'autre.",
      },
      {
        id: "relance",
        term: "Rappel, relance",
        definition:
          "Chaque lundi à 8 h, chaque sponsor dont un projet demande son attention reçoit un rappel de ce qui manque. Depuis « À relancer », une chargée ou un chargé de mission peut aussi le relancer aussitôt, une fois par jour au plus. Les deux messages passent par la boîte d'envoi (page « Rappels ») et le journal.",
      },
    ],
  },
  {
    id: "glossaire-pilotage",
    title: "Le pilotage et l'essaimage",
    entries: [
      {
        id: "terme-etat-au",
        term: "État au",
        definition:
          "Les chiffres du tableau de bord recalculés à la fin d'un jour passé, à partir des lignes datées de la base ; une date à venir est refusée.",
      },
      {
        id: "terme-revue",
        term: "Revue de portefeuille",
        definition:
          "Les chiffres et la fiche de chaque lauréat figés à une date pour le comité de pilotage, avec ce qui a changé depuis la revue précédente.",
      },
      {
        id: "terme-decision",
        term: "Décision de revue",
        definition:
          "Une décision ou une action prise en revue : son responsable, son échéance, les lauréats concernés. Elle est en cours, faite ou abandonnée ; « en retard » quand elle est en cours après son échéance. La revue suivante la reprend avec son statut tant qu'elle n'est ni faite ni abandonnée.",
      },
      {
        id: "terme-indicateur",
        term: "Indicateur d'impact, mesure",
        definition:
          "Ce qu'un lauréat promet de changer pour les usagers, les agents ou l'organisation : une valeur initiale datée, une cible datée dans le sens souhaité (hausse ou baisse), des cibles annuelles facultatives et une périodicité. Défini par la DITP avec le sponsor, ou proposé par le sponsor puis accepté ou refusé avec sa raison ; seuls les indicateurs suivis comptent. Une mesure est une valeur à une date ; une correction garde la valeur qu'elle remplace.",
      },
      {
        id: "terme-taux-avancement",
        term: "Taux d'avancement",
        definition:
          "(valeur actuelle − valeur initiale) ÷ (cible − valeur initiale), borné entre 0 % et 100 % ; la valeur actuelle est la dernière mesure. Une cible est atteinte quand la valeur actuelle l'égale ou la dépasse dans le sens souhaité.",
      },
      {
        id: "terme-indicateur-commun",
        term: "Indicateur commun",
        definition:
          "Une entrée du catalogue de la DITP (usagers concernés, agents formés…) à laquelle se rattachent les indicateurs des lauréats : additionnés quand ils se comptent, en moyenne pondérée par le poids de chaque indicateur quand ce sont des moyennes. Un lauréat qui n'a rien mesuré compte à sa valeur initiale.",
      },
      {
        id: "terme-indice",
        term: "Indice de potentiel d'essaimage",
        definition:
          "De 0 à 100 : six critères notés de 0 à 4, la transférabilité comptant double, soit 100 × (somme pondérée des notes) ÷ 28, arrondi. Faible en dessous de 40, moyen de 40 à 69, élevé à partir de 70.",
      },
      {
        id: "terme-adoption",
        term: "Adoption",
        definition:
          "Une administration ou un territoire qui reprend la solution d'un lauréat, suivie par étapes : identifiée, contactée, pilote, déployée (ou abandonnée).",
      },
    ],
  },
];
