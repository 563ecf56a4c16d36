import type { AdoptionItem, LaureateReplication, ReplicationOverview, ScorecardItem } from "@defis/domain";
import type { RegionMapData } from "../../components/RegionMapChart";

const justified = (score: number) => ({ score, justification: "Constat partagé avec le sponsor." });

export const scorecardFixture: ScorecardItem = {
  id: 7,
  criteria: {
    maturity: justified(3),
    evidence: justified(2),
    transferability: justified(4),
    cost: justified(1),
    prerequisites: justified(0),
    openness: justified(4),
  },
  index: 64,
  sponsorName: "Sacha Bernard",
  scoredBy: "Camille Durand (démo)",
  scoredAt: new Date("2024-03-04T09:30:00Z"),
  isDemo: false,
};

export const identifiedAdoption: AdoptionItem = {
  id: 11,
  laureateSlug: "registre-reunion",
  laureateTitle: "Registre des transports",
  organisation: "Communauté de communes fictive",
  regionCode: "76",
  departementCode: "31",
  stage: "identifiee",
  identifiedOn: "2024-02-01",
  contactedOn: null,
  pilotOn: null,
  deployedOn: null,
  abandonedOn: null,
  abandonReason: null,
  contact: "Direction générale des services",
  notes: null,
  version: 1,
  isDemo: false,
};

export const deployedAdoption: AdoptionItem = {
  ...identifiedAdoption,
  id: 12,
  organisation: "Préfecture fictive (démonstration)",
  regionCode: "04",
  departementCode: "974",
  stage: "deployee",
  contactedOn: "2024-02-10",
  pilotOn: "2024-03-01",
  deployedOn: "2024-09-01",
  contact: null,
  isDemo: true,
};

export const laureateReplicationFixture: LaureateReplication = {
  laureateSlug: "registre-reunion",
  scorecards: [scorecardFixture],
  assets: [],
  closure: null,
  adoptions: [identifiedAdoption],
  suggestions: {
    laureates: [
      {
        slug: "national-lab",
        title: "Laboratoire national",
        score: 4,
        sharedThemes: ["dematerialisation"],
        sameCategory: true,
      },
    ],
    territories: [{ regionCode: "11", throughLaureates: ["Laboratoire national"] }],
  },
};

export const overviewReplicationFixture: ReplicationOverview = {
  funnel: [
    { stage: "identifiee", reached: 2, current: 1 },
    { stage: "contactee", reached: 1, current: 0 },
    { stage: "pilote", reached: 1, current: 0 },
    { stage: "deployee", reached: 1, current: 1 },
  ],
  abandoned: 0,
  matrix: [
    {
      slug: "registre-reunion",
      title: "Registre des transports",
      category: "numerique",
      index: 82,
      progress: 4,
      adoptions: 2,
    },
  ],
  regions: [
    { regionCode: "04", total: 1, deployed: 1 },
    { regionCode: "76", total: 1, deployed: 0 },
  ],
  adoptions: [identifiedAdoption, deployedAdoption],
  dataDate: new Date("2024-09-01T10:00:00Z"),
  hasDemo: true,
};

/** Two small squares for two régions: the map's behaviour, not France's outline. */
export const regionMapFixture: RegionMapData = {
  viewBox: "0 0 613 585",
  regions: [
    { code: "76", name: "Occitanie", paths: ["M 200 450 h 60 v 60 h -60 Z"] },
    { code: "11", name: "Île-de-France", paths: ["M 300 150 h 30 v 30 h -30 Z"] },
  ],
  overseas: [{ code: "04", name: "La Réunion" }],
};
