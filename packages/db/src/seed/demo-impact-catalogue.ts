import type { CommonAggregation, IndicatorPeriodicity, IndicatorSubject, IndicatorUnit } from "@defis/domain";

/**
 * What the demonstration's indicators are made of. Each one is named after
 * what the announcement (shared/seeds/000_25d152fb91d469c2.txt, as
 * summarised in reference/laureates.ts) says the project aims at; every
 * value is invented, and every row is flagged as demonstration.
 */

export type DemoCommonKey = "usagers" | "agents_formes" | "demarches" | "delai" | "satisfaction";

export const DEMO_COMMON_INDICATORS: Record<
  DemoCommonKey,
  { name: string; unit: IndicatorUnit; aggregation: CommonAggregation; description: string }
> = {
  usagers: {
    name: "Usagers concernés",
    unit: "nombre",
    aggregation: "somme",
    description: "Personnes touchées par le projet (démonstration).",
  },
  agents_formes: {
    name: "Agents formés",
    unit: "nombre",
    aggregation: "somme",
    description: "Agents formés aux outils ou aux démarches du projet (démonstration).",
  },
  demarches: {
    name: "Démarches dématérialisées",
    unit: "nombre",
    aggregation: "somme",
    description: "Démarches proposées en ligne grâce au projet (démonstration).",
  },
  delai: {
    name: "Délai moyen de traitement",
    unit: "jours",
    aggregation: "moyenne_ponderee",
    description: "Délai moyen, pondéré par le nombre de dossiers de chaque lauréat (démonstration).",
  },
  satisfaction: {
    name: "Satisfaction des usagers",
    unit: "pourcentage",
    aggregation: "moyenne_ponderee",
    description: "Part des usagers satisfaits, pondérée par le nombre de répondants (démonstration).",
  },
};

export interface DemoIndicatorSpec {
  name: string;
  unit: IndicatorUnit;
  unitLabel?: string;
  subject: IndicatorSubject;
  baseline: number;
  target: number;
  /** The year of the final target, 2024–2026; the target falls on its 31 December. */
  targetYear: number;
  periodicity: IndicatorPeriodicity;
  common?: DemoCommonKey;
  /** Its weight in a weighted mean: the files or respondents it stands for. */
  weight?: number;
  /** Intermediate targets for the years between baseline and target. */
  yearly?: true;
  /** Reached its target (the values go past it). */
  reached?: true;
  /** Left without its last measures: "à mettre à jour" today. */
  late?: true;
}

/** Followed indicators per laureate (by slug). Laureates the announcement says too little of have none. */
export const DEMO_INDICATORS: Readonly<Record<string, readonly DemoIndicatorSpec[]>> = {
  "sgmi-intrapreneuriat": [
    n("Projets d'intrapreneurs incubés", "organisation", 0, 24, 2025, "trimestrielle", { yearly: true }),
    n("Agents intrapreneurs accompagnés", "agents", 0, 60, 2025, "annuelle"),
  ],
  "dggn-lab-innovation": [
    n("Référents en intelligence collective formés", "agents", 0, 150, 2025, "trimestrielle", {
      common: "agents_formes",
    }),
    n(
      "Ateliers collaboratifs animés (idéation, design thinking)",
      "organisation",
      0,
      200,
      2026,
      "trimestrielle",
    ),
  ],
  "ds-reseau-acteurs-sport": [
    n("Acteurs publics du sport mis en réseau", "organisation", 12, 120, 2025, "annuelle"),
    n("Usagers orientés vers les aides nationales du sport", "usagers", 0, 20_000, 2025, "trimestrielle", {
      common: "usagers",
      late: true,
    }),
  ],
  "bretagne-labo-transitions-lorient": [
    n("Agents de terrain ayant mené une expérimentation", "agents", 0, 40, 2025, "annuelle"),
    n("Offres d'emploi non pourvues dans les métiers en tension", "usagers", 850, 600, 2026, "annuelle", {
      yearly: true,
    }),
  ],
  "ddt77-projet-service-climat": [
    n("Agents associés au projet de service", "agents", 0, 300, 2024, "trimestrielle", { reached: true }),
  ],
  "mi-participation-citoyenne": [
    n("Démarches participatives conduites", "organisation", 2, 30, 2026, "trimestrielle", { yearly: true }),
    n("Citoyens associés aux démarches participatives", "usagers", 0, 5_000, 2026, "trimestrielle", {
      common: "usagers",
    }),
  ],
  "deal-reunion-registre-transports": [
    n("Démarches du registre dématérialisées", "usagers", 0, 12, 2025, "trimestrielle", {
      common: "demarches",
    }),
    days("Délai de traitement d'une inscription au registre", 45, 15, 2025, "mensuelle", 1_200, {
      late: true,
    }),
    n("Agents du registre formés aux nouveaux processus", "agents", 0, 18, 2024, "annuelle", {
      common: "agents_formes",
      reached: true,
    }),
  ],
  "smicval-zero-dechet": [
    {
      name: "Déchets ménagers résiduels par habitant",
      unit: "libre",
      unitLabel: "kg par habitant et par an",
      subject: "usagers",
      baseline: 250,
      target: 190,
      targetYear: 2026,
      periodicity: "annuelle",
      yearly: true,
    },
    n("Services en ligne refondus", "usagers", 0, 8, 2025, "trimestrielle", { common: "demarches" }),
  ],
  "dge-meubles-tourisme-donnees": [
    n("Communes utilisatrices de l'outil", "organisation", 0, 300, 2025, "trimestrielle"),
    days("Délai de transmission des données des intermédiaires", 60, 7, 2025, "mensuelle", 300),
  ],
  "apilos-conventions-apl": [
    n("Conventions APL instruites dans le portail", "usagers", 0, 4_000, 2025, "mensuelle", { yearly: true }),
    days("Délai moyen d'instruction d'une convention APL", 120, 45, 2025, "mensuelle", 4_000, {
      reached: true,
    }),
    percent("Dossiers déposés incomplets", "agents", 35, 10, 2025, "trimestrielle"),
  ],
  "sdis54-portail-cartographique": [
    n("Couches de données partagées sur le portail", "organisation", 5, 80, 2025, "trimestrielle"),
    days("Délai d'examen d'un permis de construire", 30, 15, 2025, "trimestrielle", 900),
  ],
  "ens-donnees-enquetes-ethnographiques": [
    n("Enquêtes traitées avec le logiciel", "organisation", 0, 60, 2025, "annuelle"),
    n("Chercheurs utilisateurs du logiciel", "agents", 0, 150, 2025, "annuelle"),
  ],
  "sre-outil-retraite-agents": [
    n("Agents ayant utilisé l'outil interactif", "usagers", 0, 150_000, 2026, "mensuelle", {
      common: "usagers",
      yearly: true,
    }),
    percent(
      "Assurés orientés vers le bon interlocuteur dès le premier contact",
      "usagers",
      55,
      85,
      2025,
      "trimestrielle",
    ),
  ],
  "prefecture-tarn-jeunes-insertion": [
    n("Jeunes associés à la conception", "usagers", 0, 200, 2024, "annuelle", { reached: true }),
    n("Jeunes touchés par la communication co-conçue", "usagers", 0, 8_000, 2025, "trimestrielle", {
      common: "usagers",
    }),
  ],
  "dma-acceslibre": [
    n("Lieux renseignés sur Acceslibre", "usagers", 20_000, 500_000, 2026, "mensuelle", { yearly: true }),
    n("Administrations contributrices", "organisation", 10, 400, 2025, "trimestrielle", { late: true }),
  ],
  "chu-toulouse-parkinson": [
    n("Patients accompagnés avec l'outil de dialogue", "usagers", 0, 600, 2025, "trimestrielle", {
      common: "usagers",
    }),
    n("Neurologues et paramédicaux utilisateurs", "agents", 0, 40, 2025, "annuelle"),
  ],
  "ddets-calvados-orientation-sociale": [
    percent("Dossiers mal orientés", "agents", 30, 10, 2025, "trimestrielle", { late: true }),
    n("Travailleurs sociaux formés à l'outil d'orientation", "agents", 0, 250, 2025, "trimestrielle", {
      common: "agents_formes",
    }),
    days("Délai d'accès à un dispositif après orientation", 40, 20, 2026, "trimestrielle", 1_500),
  ],
  "chms-ehpad-aix-les-bains": [
    percent("Satisfaction des résidents et des familles", "usagers", 62, 85, 2026, "annuelle", {
      common: "satisfaction",
      weight: 120,
    }),
    n("Résidents, familles et professionnels associés à la conception", "usagers", 0, 250, 2024, "annuelle", {
      reached: true,
    }),
  ],
  "thiers-design-espaces-scolaires": [
    n("Enseignants et techniciens associés aux ateliers", "agents", 0, 45, 2024, "annuelle"),
    n("Élèves accueillis dans les espaces rénovés", "usagers", 0, 320, 2025, "annuelle", {
      common: "usagers",
    }),
  ],
  "collectif-rivage-ou-atterrir": [
    n("Enquêtes citoyennes menées", "usagers", 0, 40, 2025, "trimestrielle"),
    n("Agents et élus participant aux enquêtes", "agents", 0, 120, 2025, "trimestrielle"),
  ],
  "ddfip41-visio-mairies": [
    n("Mairies équipées de la visioconférence", "organisation", 0, 60, 2024, "trimestrielle", {
      reached: true,
    }),
    n("Rendez-vous en visioconférence", "usagers", 0, 3_000, 2025, "mensuelle", { common: "usagers" }),
    percent("Usagers satisfaits du rendez-vous à distance", "usagers", 70, 90, 2025, "trimestrielle", {
      common: "satisfaction",
      weight: 3_000,
    }),
  ],
  "sgar-hdf-illettrisme": [
    n("Agents formés au repérage de l'illettrisme", "agents", 0, 500, 2025, "trimestrielle", {
      common: "agents_formes",
      yearly: true,
    }),
    n("Personnes repérées orientées vers une formation", "usagers", 0, 1_200, 2026, "trimestrielle", {
      common: "usagers",
      late: true,
    }),
  ],
  "cnous-arts-deco-residences": [
    n("Résidences participant à l'expérimentation", "organisation", 1, 6, 2025, "annuelle"),
    percent("Satisfaction des étudiants résidents", "usagers", 58, 80, 2026, "annuelle", {
      common: "satisfaction",
      weight: 800,
    }),
  ],
  "insep-catalyser": [
    n("Innovations testées avec les fédérations", "organisation", 0, 50, 2026, "trimestrielle"),
    n("Agents formés aux démarches centrées usagers", "agents", 0, 120, 2025, "annuelle", {
      common: "agents_formes",
    }),
  ],
  "bretagne-insertion-saint-brieuc": [
    n("Personnes accompagnées par les quatre dispositifs", "usagers", 0, 900, 2025, "trimestrielle", {
      common: "usagers",
    }),
    percent("Accès à l'emploi ou à la formation à six mois", "usagers", 25, 45, 2026, "annuelle"),
  ],
  "corse-vulnerabilite-1000-jours": [
    n("Professionnels utilisateurs de l'outil de repérage", "agents", 0, 300, 2025, "trimestrielle"),
    n("Familles vulnérables repérées dès la grossesse", "usagers", 0, 400, 2026, "trimestrielle", {
      common: "usagers",
    }),
  ],
};

/** Proposals a sponsor made and no officer has answered yet: the benefits the announcement lists. */
export const DEMO_PROPOSALS: Readonly<Record<string, DemoIndicatorSpec>> = {
  "sdis54-portail-cartographique": n(
    "Cartes mises à jour et diffusées",
    "agents",
    12,
    60,
    2025,
    "trimestrielle",
  ),
  "chms-ehpad-aix-les-bains": percent(
    "Professionnels satisfaits de leurs conditions de travail",
    "agents",
    55,
    75,
    2026,
    "annuelle",
  ),
};

type Extra = Partial<Pick<DemoIndicatorSpec, "common" | "weight" | "yearly" | "reached" | "late">>;

function n(
  name: string,
  subject: IndicatorSubject,
  baseline: number,
  target: number,
  targetYear: number,
  periodicity: IndicatorPeriodicity,
  extra: Extra = {},
): DemoIndicatorSpec {
  return { name, unit: "nombre", subject, baseline, target, targetYear, periodicity, ...extra };
}

function percent(
  name: string,
  subject: IndicatorSubject,
  baseline: number,
  target: number,
  targetYear: number,
  periodicity: IndicatorPeriodicity,
  extra: Extra = {},
): DemoIndicatorSpec {
  return { ...n(name, subject, baseline, target, targetYear, periodicity, extra), unit: "pourcentage" };
}

function days(
  name: string,
  baseline: number,
  target: number,
  targetYear: number,
  periodicity: IndicatorPeriodicity,
  files: number,
  extra: Extra = {},
): DemoIndicatorSpec {
  return {
    ...n(name, "usagers", baseline, target, targetYear, periodicity, extra),
    unit: "jours",
    common: "delai",
    weight: files,
  };
}
