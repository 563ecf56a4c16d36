import type {
  AuditEventItem,
  FollowUpSettings,
  ProgrammeCalendar,
  LaureateDetail,
  LaureateListItem,
  ProgrammeOverview,
  SessionUser,
} from "@defis/domain";

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
  committedCents: 12_345_678,
  paidCents: 0,
  remainingToPayCents: 12_345_678,
  uncommittedCents: 0,
  blockedByMilestoneCents: 0,
  reserveCents: 287_654_322,
  demonstration: true,
  byCategory: [
    {
      key: "organisations",
      label: "Transformation des organisations",
      laureates: 1,
      allocatedCents: 10_000_000,
      committedCents: 10_000_000,
      paidCents: 0,
      uncommittedCents: 0,
      remainingToPayCents: 10_000_000,
      blockedByMilestoneCents: 0,
    },
    {
      key: "numerique",
      label: "Solutions numériques",
      laureates: 1,
      allocatedCents: 2_345_678,
      committedCents: 2_345_678,
      paidCents: 0,
      uncommittedCents: 0,
      remainingToPayCents: 2_345_678,
      blockedByMilestoneCents: 0,
    },
  ],
  byMinistry: [
    {
      key: "interieur",
      label: "Ministère de l'Intérieur",
      laureates: 2,
      allocatedCents: 12_345_678,
      committedCents: 12_345_678,
      paidCents: 0,
      uncommittedCents: 0,
      remainingToPayCents: 12_345_678,
      blockedByMilestoneCents: 0,
    },
  ],
  byTerritory: [
    {
      key: "national",
      label: "National",
      laureates: 1,
      allocatedCents: 10_000_000,
      committedCents: 10_000_000,
      paidCents: 0,
      uncommittedCents: 0,
      remainingToPayCents: 10_000_000,
      blockedByMilestoneCents: 0,
    },
    {
      key: "04",
      label: "La Réunion",
      laureates: 1,
      allocatedCents: 2_345_678,
      committedCents: 2_345_678,
      paidCents: 0,
      uncommittedCents: 0,
      remainingToPayCents: 2_345_678,
      blockedByMilestoneCents: 0,
    },
  ],
  byFundingMode: [
    {
      key: "transfert",
      label: "Transfert de crédits",
      laureates: 2,
      allocatedCents: 12_345_678,
      committedCents: 12_345_678,
      paidCents: 0,
      uncommittedCents: 0,
      remainingToPayCents: 12_345_678,
      blockedByMilestoneCents: 0,
    },
  ],
  byLaureate: [
    {
      key: "lab-interieur",
      label: "Laboratoire d'innovation",
      laureates: 1,
      allocatedCents: 10_000_000,
      committedCents: 10_000_000,
      uncommittedCents: 0,
      paidCents: 0,
      remainingToPayCents: 10_000_000,
      blockedByMilestoneCents: 0,
    },
    {
      key: "registre-reunion",
      label: "Registre des transports",
      laureates: 1,
      allocatedCents: 2_345_678,
      committedCents: 2_345_678,
      uncommittedCents: 0,
      paidCents: 0,
      remainingToPayCents: 2_345_678,
      blockedByMilestoneCents: 0,
    },
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
  paidCents: 0,
  committed: false,
  allocationIsDemo: true,
  // Its latest météo is September's: too old on 25 November (progress-fixtures.ts).
  weather: "perimee",
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
  paidCents: 0,
  committed: false,
  allocationIsDemo: true,
  weather: "soleil",
};

export const laureateItems: LaureateListItem[] = [nationalItem, reunionItem];

export const laureateDetailFixture: LaureateDetail = {
  ...reunionItem,
  version: 3,
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

/** One signed-in person per role. */
export const officerUser: SessionUser = {
  id: 1,
  email: "camille.durand@demo.defis.gouv.fr",
  displayName: "Camille Durand (démo)",
  role: "charge_mission",
  scope: [],
};

export const adminUser: SessionUser = {
  id: 2,
  email: "alex.martin@demo.defis.gouv.fr",
  displayName: "Alex Martin (démo)",
  role: "administrateur",
  scope: [],
};

export const sponsorUser: SessionUser = {
  id: 3,
  email: "sacha.bernard@demo.defis.gouv.fr",
  displayName: "Sacha Bernard (démo)",
  role: "sponsor",
  scope: [{ kind: "ministere", value: "interieur" }],
};

/** A change of the Réunion laureate's record, at 10:15 in Paris (09:15 UTC, winter). */
export const laureateEditEvent: AuditEventItem = {
  id: 41,
  occurredAt: new Date("2024-01-15T09:15:00Z"),
  actor: { id: officerUser.id, displayName: officerUser.displayName, email: officerUser.email },
  actorRole: "charge_mission",
  systemAuthor: null,
  action: "laureat.modification",
  entity: "laureat",
  entityId: "registre-reunion",
  laureate: { slug: "registre-reunion", title: "Registre des transports" },
  before: { porteur: "DEAL", ministere: "interieur" },
  after: { porteur: "DEAL de La Réunion", ministere: "transition-ecologique" },
  requestId: "req-41",
};

export const signInEvent: AuditEventItem = {
  id: 40,
  occurredAt: new Date("2024-01-15T08:00:00Z"),
  actor: { id: adminUser.id, displayName: adminUser.displayName, email: adminUser.email },
  actorRole: "administrateur",
  systemAuthor: null,
  action: "session.connexion",
  entity: "utilisateur",
  entityId: String(adminUser.id),
  laureate: null,
  before: null,
  after: { methode: "mot de passe" },
  requestId: "req-40",
};

/** Money events as the API stores them: cents, stored codes, a schedule as a list. */
export const allocationEvent: AuditEventItem = {
  ...laureateEditEvent,
  id: 42,
  action: "allocation.modification",
  entity: "allocation",
  before: { montantCentimes: 15_420_000 },
  after: { montantCentimes: 16_500_000, motif: "Avenant n° 1" },
  requestId: "req-42",
};

export const trancheStatusEvent: AuditEventItem = {
  ...laureateEditEvent,
  id: 43,
  action: "tranche.statut",
  entity: "tranche",
  entityId: "7",
  before: { statut: "demande_paiement" },
  after: { statut: "paye", date: "2024-06-03", reference: "VIR-42", motif: null },
  requestId: "req-43",
};

export const scheduleEvent: AuditEventItem = {
  ...laureateEditEvent,
  id: 44,
  action: "echeancier.planification",
  entity: "echeancier",
  before: null,
  after: {
    tranches: [
      { type: "avance", montantCentimes: 3_000_000, datePrevue: "2024-03-01" },
      { type: "solde", montantCentimes: 7_000_000, datePrevue: "2024-09-30" },
    ],
  },
  requestId: "req-44",
};

/** What the application did by itself: no person, a named system author. */
export const remindersEvent: AuditEventItem = {
  id: 45,
  occurredAt: new Date("2024-01-15T07:00:00Z"),
  actor: null,
  actorRole: null,
  systemAuthor: "rappels",
  action: "rappels.envoi",
  entity: "rappels",
  entityId: "rappels:2024-01-15",
  laureate: null,
  before: null,
  after: { semaine: "2024-01-15", declenchement: "planifié", rappelsSponsors: 3, alertesChargees: 1 },
  requestId: null,
};

export const importEvent: AuditEventItem = {
  ...remindersEvent,
  id: 46,
  occurredAt: new Date("2026-12-06T09:00:00Z"),
  systemAuthor: "import",
  action: "import.paiements",
  entity: "import",
  entityId: "sha",
  after: { format: "xlsx", lignes: 2, versementsImportes: 2, montantCentimes: 123_456 },
};

/** The follow-up cadence as an administrator last saved it. */
/** The demonstration's end and deadline, not yet set by an administrator. */
export const programmeCalendar: ProgrammeCalendar = {
  endsOn: "2024-12-31",
  consumptionDeadlineOn: "2025-12-31",
  isDemo: true,
  version: 3,
};

export const followUpSettings: FollowUpSettings = {
  staleAfterDays: 30,
  version: 3,
  updatedAt: new Date("2026-10-05T08:30:00Z"),
  updatedBy: { id: 1, displayName: "Alex Martin" },
};
