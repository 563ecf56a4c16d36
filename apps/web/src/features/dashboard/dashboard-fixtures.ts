import type {
  DashboardFigures,
  DashboardSynthesis,
  MilestoneCounts,
  ReviewDetail,
  ReviewSummary,
  WeatherCounts,
} from "@defis/domain";

const weather = (
  soleil: number,
  nuage: number,
  couvert: number,
  orage: number,
  sansMeteo: number,
  perimee = 0,
): WeatherCounts => ({
  soleil,
  nuage,
  couvert,
  orage,
  perimee,
  sans_meteo: sansMeteo,
});

const milestones = (
  aTemps: number,
  enRetardAtteint: number,
  enRetard: number,
  aVenir: number,
  abandonne: number,
): MilestoneCounts => ({
  atteint_a_temps: aTemps,
  atteint_en_retard: enRetardAtteint,
  en_retard: enRetard,
  a_venir: aVenir,
  abandonne,
});

/** A small portfolio on 25 November 2026: hand-written, so that each table cell can be checked. */
export const dashboardFixture: DashboardFigures = {
  asOf: "2026-11-25",
  envelopeCents: 300_000_000,
  allocatedCents: 120_000_000,
  committedCents: 100_000_000,
  paidCents: 63_000_012,
  remainingToPayCents: 36_999_988,
  uncommittedCents: 20_000_000,
  blockedByMilestoneCents: 4_500_000,
  reserveCents: 180_000_000,
  laureates: 10,
  weather: weather(4, 3, 1, 1, 1),
  weatherTrend: [
    { period: "2026-10", counts: weather(3, 3, 2, 1, 0, 1) },
    { period: "2026-11", counts: weather(4, 3, 1, 1, 1) },
  ],
  milestones: milestones(6, 2, 3, 8, 1),
  milestoneTimeline: [
    { month: "2026-10", counts: milestones(2, 1, 1, 0, 0) },
    { month: "2026-12", counts: milestones(0, 0, 0, 5, 1) },
  ],
  adoptions: { identifiee: 2, contactee: 1, pilote: 1, deployee: 1, abandonnee: 1 },
  funnel: [
    { stage: "identifiee", reached: 6, current: 2 },
    { stage: "contactee", reached: 3, current: 1 },
    { stage: "pilote", reached: 2, current: 1 },
    { stage: "deployee", reached: 1, current: 1 },
  ],
  payments: [
    {
      month: "2026-10",
      plannedCents: 50_000_000,
      paidCents: 40_000_000,
      cumulativePlannedCents: 50_000_000,
      cumulativePaidCents: 40_000_000,
    },
    {
      month: "2026-11",
      plannedCents: 30_000_000,
      paidCents: 23_000_012,
      cumulativePlannedCents: 80_000_000,
      cumulativePaidCents: 63_000_012,
    },
  ],
  byCategory: [
    {
      key: "numerique",
      label: "Solutions numériques",
      laureates: 6,
      allocatedCents: 80_000_000,
      paidCents: 40_000_000,
    },
    {
      key: "organisations",
      label: "Transformation des organisations",
      laureates: 4,
      allocatedCents: 40_000_000,
      paidCents: 23_000_012,
    },
  ],
  byMinistry: [
    {
      key: "interieur",
      label: "Ministère de l'Intérieur",
      laureates: 10,
      allocatedCents: 120_000_000,
      paidCents: 63_000_012,
    },
  ],
  byTerritory: [
    { key: "national", label: "National", laureates: 4, allocatedCents: 50_000_000, paidCents: 20_000_000 },
    { key: "76", label: "Occitanie", laureates: 6, allocatedCents: 70_000_000, paidCents: 43_000_012 },
  ],
  regions: [{ regionCode: "76", laureates: 6, allocatedCents: 70_000_000, paidCents: 43_000_012 }],
  demonstration: true,
  // The schedules plan 800 000 €, 630 000,12 € of it paid: 169 999,88 € open on the day.
  forecast: {
    asOf: "2026-11-25",
    endsOn: "2026-12-31",
    consumptionDeadlineOn: "2026-12-31",
    calendarIsDemo: true,
    overall: { paidTranches: 12, earlyDays: 5, medianDays: 20, lateDays: 40 },
    byCategory: [
      {
        category: "numerique",
        usesOverall: true,
        ownPaidTranches: 3,
        paidTranches: 12,
        earlyDays: 5,
        medianDays: 20,
        lateDays: 40,
      },
    ],
    months: [
      { month: "2026-11", centralCents: 63_000_012, highCents: 68_000_012, lowCents: 63_000_012 },
      { month: "2026-12", centralCents: 73_000_012, highCents: 80_000_000, lowCents: 68_000_012 },
      { month: "2027-01", centralCents: 80_000_000, highCents: 80_000_000, lowCents: 73_000_012 },
    ],
    openCents: 16_999_988,
    unscheduledCents: 220_000_000,
    afterDeadline: { centralCents: 6_999_988, earlyCents: 0, lateCents: 11_999_988 },
    laureatesAfterDeadline: [
      {
        laureateId: 7,
        slug: "laboratoire-des-transitions",
        title: "Laboratoire des transitions",
        amountCents: 6_999_988,
        tranches: 1,
      },
    ],
  },
};

const decision = (
  slug: string,
  reasons: DashboardSynthesis["laureatesNeedingDecision"][number]["reasons"],
) => ({
  slug,
  title: `Lauréat ${slug}`,
  reasons,
});

/** What /pilotage adds for its synthesis on the fixture's day: the June review to compare with, six laureates. */
export const synthesisFixture: DashboardSynthesis = {
  asOf: "2026-11-25",
  previousReview: {
    id: 1,
    asOf: "2026-06-30",
    title: "Comité de pilotage de juin",
    // Frozen before « non engagé » existed: no change is said for it.
    figures: {
      envelopeCents: 300_000_000,
      allocatedCents: 110_000_000,
      committedCents: 100_000_000,
      paidCents: 50_000_000,
      remainingToPayCents: 50_000_000,
    },
  },
  includesTodayOnlyReasons: true,
  laureatesNeedingDecision: [
    decision("alpha", [{ kind: "orage" }, { kind: "tranches_en_retard", count: 2, amountCents: 1_500_000 }]),
    decision("beta", [{ kind: "meteo_a_verifier" }, { kind: "anomalies", count: 3 }]),
    decision("gamma", [{ kind: "orage" }]),
    decision("delta", [{ kind: "anomalies", count: 1 }]),
    decision("epsilon", [{ kind: "tranches_en_retard", count: 1, amountCents: 250_000 }]),
    decision("zeta", [{ kind: "meteo_a_verifier" }]),
  ],
};

export const reviewSummaries: ReviewSummary[] = [
  {
    id: 2,
    asOf: "2026-11-25",
    title: "Comité de pilotage de novembre",
    openedAt: new Date("2026-11-26T09:30:00Z"),
    openedBy: "Camille Durand (démo)",
    isDemo: true,
  },
  {
    id: 1,
    asOf: "2026-06-30",
    title: "Comité de pilotage de juin",
    openedAt: new Date("2026-07-01T08:00:00Z"),
    openedBy: null,
    isDemo: true,
  },
];

const [november] = reviewSummaries as [ReviewSummary, ReviewSummary];

export const reviewDetail: ReviewDetail = {
  ...november,
  snapshot: {
    figures: dashboardFixture,
    laureates: [
      {
        slug: "registre-reunion",
        title: "Registre des transports",
        porteur: "Région Réunion",
        category: "numerique",
        ministry: "interieur",
        territoryKey: "04",
        fundingMode: "subvention",
        allocatedCents: 2_345_678,
        committedCents: 2_000_000,
        paidCents: 500_000,
        weather: { period: "2026-11", level: "orage", synthesis: "Le prestataire a fait défaut." },
        milestones: [
          {
            id: 11,
            title: "Prototype livré",
            dueOn: "2026-09-30",
            reachedOn: "2026-10-05",
            outcome: "atteint_en_retard",
          },
          { id: 12, title: "Mise en service", dueOn: "2026-11-01", reachedOn: null, outcome: "en_retard" },
        ],
        risks: [{ id: 31, body: "Marché public à relancer.", writtenOn: "2026-11-10" }],
        adoptions: [{ id: 41, organisation: "Département de la Gironde", regionCode: "75", stage: "pilote" }],
        potentialIndex: 82,
      },
      {
        slug: "accueil-usagers",
        title: "Accueil des usagers",
        porteur: "Préfecture du Nord",
        category: "organisations",
        ministry: "interieur",
        territoryKey: "national",
        fundingMode: "subvention",
        allocatedCents: 10_000_000,
        committedCents: 10_000_000,
        paidCents: 10_000_000,
        weather: null,
        milestones: [],
        risks: [],
        adoptions: [],
        potentialIndex: null,
      },
    ],
  },
  changes: {
    previousAsOf: "2026-06-30",
    weather: [{ slug: "registre-reunion", title: "Registre des transports", from: "nuage", to: "orage" }],
    payments: [{ slug: "registre-reunion", title: "Registre des transports", paidCents: 500_000 }],
    allocations: [],
    milestonesReached: [
      {
        slug: "registre-reunion",
        title: "Registre des transports",
        milestone: "Prototype livré",
        reachedOn: "2026-10-05",
        onTime: false,
      },
    ],
    milestonesSlipped: [
      {
        slug: "registre-reunion",
        title: "Registre des transports",
        milestone: "Mise en service",
        fromDueOn: "2026-11-01",
        toDueOn: "2026-11-01",
        late: true,
      },
    ],
    newRisks: [
      {
        slug: "registre-reunion",
        title: "Registre des transports",
        body: "Marché public à relancer.",
        writtenOn: "2026-11-10",
      },
    ],
    adoptions: [
      {
        slug: "registre-reunion",
        title: "Registre des transports",
        organisation: "Département de la Gironde",
        from: "contactee",
        to: "pilote",
      },
    ],
  },
  // Opened before impact was followed: no impact in its snapshot (features/dashboard/impact-fixtures.ts has some).
  impactChanges: null,
};
