import type { Executor } from "@defis/db";
import { addDays } from "@defis/domain";
import type { Actor } from "../audit/record-audit.js";
import { recordDecision, updateDecisionStatus } from "./decision-commands.js";

const DEMO = { isDemo: true };

interface DemoReview {
  id: number;
  asOf: string;
}

/**
 * The decisions of the demonstration's first review: programme steering only
 * (relaunching a sponsor, checking a schedule), never a fact about a laureate.
 * Returns what the second review follows up.
 */
export async function seedFirstReviewDecisions(tx: Executor, actor: Actor, review: DemoReview) {
  const decide = async (text: string, owner: string, days: number, laureateSlugs: string[]) =>
    recordDecision(
      tx,
      actor,
      { reviewId: review.id, text, owner, dueOn: addDays(review.asOf, days), laureateSlugs },
      DEMO,
    );
  return {
    weather: await decide(
      "Relancer le sponsor pour la mise à jour de la météo (démonstration)",
      "Chargée de mission DITP",
      30,
      ["chu-toulouse-parkinson"],
    ),
    schedule: await decide(
      "Vérifier l'échéancier des versements avec le porteur (démonstration)",
      "Chargé de mission DITP",
      45,
      ["dggn-lab-innovation"],
    ),
    synthesis: await decide(
      "Préparer une synthèse de l'essaimage pour le comité suivant (démonstration)",
      "Direction de programme",
      60,
      [],
    ),
    meeting: await decide(
      "Réunir les sponsors sur le calendrier des jalons (démonstration)",
      "Direction de programme",
      20,
      [],
    ),
  };
}

type FirstDecisions = Awaited<ReturnType<typeof seedFirstReviewDecisions>>;

/** The second review notes where the first one's decisions stand, and takes one of its own. */
export async function seedSecondReviewDecisions(
  tx: Executor,
  actor: Actor,
  review: DemoReview,
  first: FirstDecisions,
) {
  const note = async (
    decision: { decisionId: number; version: number },
    status: "en_cours" | "faite" | "abandonnee",
    text: string,
  ) =>
    updateDecisionStatus(
      tx,
      actor,
      { decisionId: decision.decisionId, reviewId: review.id, version: decision.version, status, note: text },
      DEMO,
    );
  await note(first.weather, "faite", "Relance envoyée au sponsor (démonstration).");
  await note(first.schedule, "en_cours", "Échange avec le porteur à programmer (démonstration).");
  await note(first.meeting, "abandonnee", "Remplacée par des points avec chaque sponsor (démonstration).");
  await recordDecision(
    tx,
    actor,
    {
      reviewId: review.id,
      text: "Relancer le sponsor pour la mise à jour des jalons (démonstration)",
      owner: "Chargée de mission DITP",
      dueOn: addDays(review.asOf, 30),
      laureateSlugs: ["smicval-zero-dechet"],
    },
    DEMO,
  );
}
