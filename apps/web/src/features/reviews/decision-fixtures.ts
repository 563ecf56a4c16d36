import type { DecisionItem, ReviewDecisions } from "@defis/domain";

/** Taken at the November review (id 2, reviewDetail), for one laureate of its sheets. */
export const takenDecision: DecisionItem = {
  id: 7,
  version: 1,
  text: "Relancer le sponsor pour la mise à jour de la météo",
  owner: "Camille Martin",
  dueOn: "2026-12-15",
  reviewId: 2,
  reviewAsOf: "2026-11-25",
  reviewTitle: "Comité de pilotage de novembre",
  laureates: [{ slug: "registre-reunion", title: "Registre des transports" }],
  status: "en_cours",
  standing: "en_cours",
  note: null,
  notedOn: null,
  isDemo: false,
};

/** Taken at the June review (id 1), late by November, with the note of its last follow-up. */
export const carriedDecision: DecisionItem = {
  id: 5,
  version: 2,
  text: "Vérifier l'échéancier avec le porteur",
  owner: "Direction de programme",
  dueOn: "2026-09-30",
  reviewId: 1,
  reviewAsOf: "2026-06-30",
  reviewTitle: "Scénario de démonstration",
  laureates: [],
  status: "en_cours",
  standing: "en_retard",
  note: "Échange à programmer",
  notedOn: "2026-06-30",
  isDemo: true,
};

export const reviewDecisionsFixture: ReviewDecisions = {
  isLatest: true,
  taken: [takenDecision],
  carriedOver: [carriedDecision],
};
