import { DECISION_STANDINGS, type DecisionItem } from "@defis/domain";
import type { Column } from "./csv.js";

/** One line per decision, with the words of the review page; dates stay "AAAA-MM-JJ" in both dialects. */
export const decisionColumns: Column<DecisionItem>[] = [
  { header: "Revue du", kind: "date", value: (decision) => decision.reviewAsOf },
  { header: "Revue", value: (decision) => decision.reviewTitle },
  { header: "Décision", value: (decision) => decision.text },
  { header: "Responsable", value: (decision) => decision.owner },
  { header: "Échéance", kind: "date", value: (decision) => decision.dueOn },
  { header: "Statut", value: (decision) => DECISION_STANDINGS[decision.standing] },
  { header: "Statut noté à la revue du", kind: "date", value: (decision) => decision.notedOn },
  { header: "Note", value: (decision) => decision.note },
  {
    header: "Lauréats (identifiants)",
    value: (decision) => decision.laureates.map((laureate) => laureate.slug).join(" | "),
  },
  { header: "Démonstration", value: (decision) => (decision.isDemo ? "oui" : "non") },
];
