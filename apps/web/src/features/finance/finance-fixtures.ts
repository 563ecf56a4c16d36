import {
  COMMITMENT_DEFINITIONS,
  plannedTotalCents,
  type LateTranches,
  type LaureateFinance,
  type MonthlyPayments,
  type ProgrammeOverview,
  type ScheduleGap,
  type SessionUser,
  type TrancheItem,
} from "@defis/domain";
import { http, HttpResponse } from "msw";
import superjson from "superjson";
import { apiServer, TEST_API_BASE_URL } from "../../test/api-server";
import { overviewFixture } from "../../test/fixtures";

/** Test data of the finance pages: small, hand-written, with figures easy to check by hand. */
export const leadershipUser: SessionUser = {
  id: 4,
  email: "dominique.petit@demo.defis.gouv.fr",
  displayName: "Dominique Petit (démo)",
  role: "direction",
  scope: [],
};

export const financeOverview: ProgrammeOverview = {
  ...overviewFixture,
  demonstration: false,
  allocatedCents: 12_345_678,
  committedCents: 10_000_000,
  paidCents: 3_000_000,
  remainingToPayCents: 7_000_000,
  uncommittedCents: 2_345_678,
  blockedByMilestoneCents: 1_200_000,
  reserveCents: 287_654_322,
  byCategory: [
    {
      key: "organisations",
      label: "Transformation des organisations",
      laureates: 1,
      allocatedCents: 10_000_000,
      committedCents: 10_000_000,
      paidCents: 3_000_000,
      uncommittedCents: 0,
      remainingToPayCents: 7_000_000,
      blockedByMilestoneCents: 0,
    },
    {
      key: "numerique",
      label: "Solutions numériques",
      laureates: 1,
      allocatedCents: 2_345_678,
      committedCents: 0,
      paidCents: 0,
      uncommittedCents: 2_345_678,
      remainingToPayCents: 0,
      blockedByMilestoneCents: 0,
    },
  ],
};

export const monthlyFixture: MonthlyPayments[] = [
  { month: "2024-03", plannedCents: 3_000_000, paidCents: 3_000_000 },
  { month: "2024-09", plannedCents: 5_000_000, paidCents: 0 },
  { month: "2025-03", plannedCents: 2_000_000, paidCents: -500_000 },
];

const trancheBase = {
  serviceFaitOn: null,
  paymentRequestedOn: null,
  paymentRequestReference: null,
  paidOn: null,
  cancelledOn: null,
  cancellationReason: null,
  gatingMilestoneId: null,
  gatingMilestone: null,
};

export const paidAdvance: TrancheItem = {
  ...trancheBase,
  id: 11,
  kind: "avance",
  position: 1,
  plannedAmountCents: 703_703,
  plannedOn: "2024-03-01",
  status: "paye",
  serviceFaitOn: "2024-03-04",
  paymentRequestedOn: "2024-03-05",
  paymentRequestReference: "DP-2024-0042",
  paidOn: "2024-03-20",
  version: 4,
};

export const requestedInstalment: TrancheItem = {
  ...trancheBase,
  id: 12,
  kind: "acompte",
  position: 2,
  plannedAmountCents: 1_172_839,
  plannedOn: "2024-09-01",
  status: "demande_paiement",
  serviceFaitOn: "2024-09-02",
  paymentRequestedOn: "2024-09-03",
  paymentRequestReference: "DP-2024-0107",
  version: 3,
};

export const plannedBalance: TrancheItem = {
  ...trancheBase,
  id: 13,
  kind: "solde",
  position: 3,
  plannedAmountCents: 469_136,
  plannedOn: "2025-03-01",
  status: "prevu",
  gatingMilestoneId: 31,
  gatingMilestone: { title: "Bilan partagé", reached: false },
  version: 1,
};

/** The Réunion laureate: committed (EJ signed), its advance paid, an instalment requested, the balance planned. */
export const financeFixture: LaureateFinance = {
  laureateSlug: "registre-reunion",
  funding: {
    fundingMode: "subvention",
    conventionDate: "2024-02-15",
    ejNumber: "2103456789",
    siret: "13002526500013",
    rna: null,
    paymentConditions: "echelonne",
    version: 2,
  },
  tranches: [paidAdvance, requestedInstalment, plannedBalance],
  allocation: { amountCents: 2_345_678, originalAmountCents: 2_000_000, paidCents: 703_703, isDemo: false },
  committed: true,
  commitmentDefinition: COMMITMENT_DEFINITIONS.subvention,
  remainingToPay: { committed: true, remainingCents: 1_641_975, paidWithoutCommitmentCents: 0 },
  movements: [
    {
      id: 2,
      kind: "reaffectation",
      deltaCents: 345_678,
      amountAfterCents: 2_345_678,
      reason: "Report du reliquat du laboratoire",
      counterpart: { slug: "lab-interieur", title: "Laboratoire d'innovation" },
      actorName: "Camille Durand (démo)",
      occurredAt: new Date("2024-06-10T08:30:00Z"),
    },
    {
      id: 1,
      kind: "attribution",
      deltaCents: 2_000_000,
      amountAfterCents: 2_000_000,
      reason: "Décision du jury",
      counterpart: null,
      actorName: null,
      occurredAt: new Date("2022-02-17T09:00:00Z"),
    },
  ],
  payments: [
    {
      id: 7,
      trancheId: paidAdvance.id,
      amountCents: 703_703,
      paidOn: "2024-03-20",
      reference: "MANDAT-0042",
      reversesPaymentId: null,
      reversedBy: null,
      reason: null,
      source: "import",
    },
  ],
  paymentTotals: { count: 1, totalCents: 703_703 },
};

/** What `finance.scheduleGap` answers for these finances, no gap kept. */
export function scheduleGapOf(finance: LaureateFinance): ScheduleGap {
  const allocatedCents = finance.allocation?.amountCents ?? 0;
  const plannedCents = plannedTotalCents(finance.tranches);
  return { allocatedCents, plannedCents, gapCents: allocatedCents - plannedCents, accepted: null };
}

/** Two tranches late on 25 November 2026: the instalment of the Réunion, the advance of the laboratory. */
export const lateTranchesFixture: LateTranches = {
  asOf: "2026-11-25",
  tranches: [
    {
      trancheId: 12,
      laureateSlug: "registre-reunion",
      laureateTitle: "Registre des transports",
      kind: "acompte",
      position: 2,
      status: "demande_paiement",
      plannedOn: "2024-09-01",
      plannedAmountCents: 1_172_839,
      daysLate: 815,
    },
    {
      trancheId: 21,
      laureateSlug: "lab-interieur",
      laureateTitle: "Laboratoire d'innovation",
      kind: "avance",
      position: 1,
      status: "prevu",
      plannedOn: "2026-11-24",
      plannedAmountCents: 3_000_000,
      daysLate: 1,
    },
  ],
  totalCents: 4_172_839,
};

type Envelope = Parameters<typeof superjson.deserialize>[0];

/**
 * The next call to `path` is lost on the network (the server never answers);
 * returns the inputs it carried, for the test to compare with the retry's.
 */
export function dropNextCall(path: string): unknown[] {
  const dropped: unknown[] = [];
  apiServer.use(
    http.post(
      `${TEST_API_BASE_URL}/trpc/${path}`,
      async ({ request }) => {
        const body = (await request.json()) as Record<string, Envelope>;
        const envelope = body["0"];
        dropped.push(envelope ? superjson.deserialize(envelope) : undefined);
        return HttpResponse.error();
      },
      { once: true },
    ),
  );
  return dropped;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
