import type { LaureateDetail, LaureateListItem, ProgrammeOverview } from "@defis/domain";

/** Small, hand-written data: component tests check rendering, not the dataset. */
export const overviewFixture: ProgrammeOverview = {
  programme: {
    slug: "appel-a-defis-co-construire",
    name: "Appel à défis — Co-construire avec les usagers et les agents",
    steeredBy: "Direction interministérielle de la transformation publique (DITP)",
    fundedBy: "France Relance (Plan de relance)",
    envelopeCents: 300_000_000,
    applicationsOpenOn: "2021-08-23",
    applicationsCloseOn: "2021-10-15",
    laureatesAnnouncedOn: "2022-02-17",
    status: "delibere",
    sourceTitle: "Annonce des lauréats",
    sourcePublishedOn: "2022-02-17",
    sourcePublisher: "Mission « Innovation publique »",
  },
  laureates: 2,
  allocatedCents: 12_345_678,
  reserveCents: 287_654_322,
  demonstration: true,
  byCategory: [
    {
      key: "organisations",
      label: "Transformation des organisations",
      laureates: 1,
      allocatedCents: 10_000_000,
    },
    { key: "numerique", label: "Solutions numériques", laureates: 1, allocatedCents: 2_345_678 },
  ],
  byMinistry: [
    { key: "interieur", label: "Ministère de l'Intérieur", laureates: 2, allocatedCents: 12_345_678 },
  ],
  byTerritory: [
    { key: "national", label: "National", laureates: 1, allocatedCents: 10_000_000 },
    { key: "04", label: "La Réunion", laureates: 1, allocatedCents: 2_345_678 },
  ],
  byFundingMode: [
    { key: "transfert", label: "Transfert de crédits", laureates: 2, allocatedCents: 12_345_678 },
  ],
};

const nationalItem: LaureateListItem = {
  slug: "lab-interieur",
  title: "Laboratoire d'innovation",
  porteur: "Direction générale de la Gendarmerie nationale",
  ministry: "interieur",
  category: "organisations",
  territoryKey: "national",
  departementCode: null,
  place: null,
  fundingMode: "transfert",
  allocatedCents: 10_000_000,
  allocationIsDemo: true,
};

const reunionItem: LaureateListItem = {
  slug: "registre-reunion",
  title: "Registre des transports",
  porteur: "DEAL de La Réunion",
  ministry: "interieur",
  category: "numerique",
  territoryKey: "04",
  departementCode: "974",
  place: "La Réunion",
  fundingMode: "transfert",
  allocatedCents: 2_345_678,
  allocationIsDemo: true,
};

export const laureateItems: LaureateListItem[] = [nationalItem, reunionItem];

export const laureateDetailFixture: LaureateDetail = {
  ...reunionItem,
  partnerLabs: [],
  summary: "Un registre modernisé avec les agents et les professionnels du transport.",
  benefitsForAgents: ["Un processus de gestion plus fluide"],
  benefitsForUsagers: [],
  programme: {
    name: overviewFixture.programme.name,
    sourceTitle: "Annonce des lauréats",
    sourcePublishedOn: "2022-02-17",
    sourcePublisher: "Mission « Innovation publique »",
  },
};
