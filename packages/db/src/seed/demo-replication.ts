import {
  DEPARTEMENTS,
  REPLICATION_CRITERIA,
  REPLICATION_CRITERION_KEYS,
  regionOfDepartement,
  replicationIndex,
  type CriterionScores,
} from "@defis/domain";
import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../database.js";
import { adoptions, laureates, replicationScorecards, reusableAssets } from "../schema/index.js";
import { randomInt, seededRandom } from "./random.js";

/** Kinds of body that take up a solution; every organisation of the scenario is fictional and says so. */
const ORGANISATION_KINDS = [
  "Communauté de communes",
  "Direction départementale",
  "Conseil départemental",
  "Centre hospitalier",
  "Préfecture",
  "Communauté d'agglomération",
];

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The laureates among `ids` that already have a row in `table`: the scenario leaves them as they are. */
async function laureatesWithRows(
  db: Executor,
  table: typeof replicationScorecards | typeof adoptions | typeof reusableAssets,
  ids: number[],
): Promise<Set<number>> {
  const rows = await db
    .selectDistinct({ laureateId: table.laureateId })
    .from(table)
    .where(inArray(table.laureateId, ids));
  return new Set(rows.map((row) => row.laureateId));
}

const DEMO_JUSTIFICATION = (criterion: string) =>
  `Note de démonstration (${criterion.toLowerCase()}) : valeur fictive pour illustrer la grille, sans évaluation réelle.`;

/**
 * Scorecards (some with an earlier one in their history), adoptions at every
 * stage, and a closure kit's assets for a few laureates. Each laureate that has
 * none receives its share; every row is flagged `is_demo`, and every adopting
 * organisation is named as fictional: no real adoption is claimed.
 */
export async function seedDemoReplication(db: Executor, programmeId: number, seed: number): Promise<void> {
  const random = seededRandom(seed + 2);
  const list = await db
    .select({ id: laureates.id })
    .from(laureates)
    .where(eq(laureates.programmeId, programmeId))
    .orderBy(asc(laureates.position));
  const ids = list.map((laureate) => laureate.id);
  if (ids.length === 0) return;
  const scored = await laureatesWithRows(db, replicationScorecards, ids);
  const adopted = await laureatesWithRows(db, adoptions, ids);
  const equipped = await laureatesWithRows(db, reusableAssets, ids);
  const departementCodes = Object.keys(DEPARTEMENTS);
  let organisationNumber = 0;

  for (const [position, laureate] of list.entries()) {
    // Two laureates in three are scored; one in four of those was scored once before.
    if (position % 3 !== 2 && !scored.has(laureate.id)) {
      const rounds = position % 4 === 0 ? 2 : 1;
      for (let round = 0; round < rounds; round += 1) {
        const scores = Object.fromEntries(
          REPLICATION_CRITERION_KEYS.map((criterion) => [criterion, randomInt(random, 1, 4)]),
        ) as CriterionScores;
        const justification = (criterion: keyof typeof REPLICATION_CRITERIA) =>
          DEMO_JUSTIFICATION(REPLICATION_CRITERIA[criterion]);
        await db.insert(replicationScorecards).values({
          laureateId: laureate.id,
          maturityScore: scores.maturity,
          maturityJustification: justification("maturity"),
          evidenceScore: scores.evidence,
          evidenceJustification: justification("evidence"),
          transferabilityScore: scores.transferability,
          transferabilityJustification: justification("transferability"),
          costScore: scores.cost,
          costJustification: justification("cost"),
          prerequisitesScore: scores.prerequisites,
          prerequisitesJustification: justification("prerequisites"),
          opennessScore: scores.openness,
          opennessJustification: justification("openness"),
          potentialIndex: replicationIndex(scores),
          sponsorName: "Sponsor de démonstration",
          scoredAt: new Date(Date.UTC(2023 + round, randomInt(random, 0, 11), randomInt(random, 1, 28), 10)),
          isDemo: true,
        });
      }
    }

    // Half the laureates have from one to three adoptions, at stages spread over the funnel.
    if (position % 2 === 0 && !adopted.has(laureate.id)) {
      const count = randomInt(random, 1, 3);
      for (let index = 0; index < count; index += 1) {
        organisationNumber += 1;
        const departementCode = departementCodes[randomInt(random, 0, departementCodes.length - 1)] ?? "75";
        const regionCode = regionOfDepartement(departementCode) ?? "11";
        const kind = ORGANISATION_KINDS[organisationNumber % ORGANISATION_KINDS.length] ?? "Administration";
        const reached = randomInt(random, 0, 4);
        const identifiedOn = addDays("2023-01-10", randomInt(random, 0, 400));
        const contactedOn = reached >= 1 ? addDays(identifiedOn, randomInt(random, 10, 60)) : null;
        const pilotOn = reached >= 2 && contactedOn ? addDays(contactedOn, randomInt(random, 30, 120)) : null;
        const deployedOn = reached >= 3 && pilotOn ? addDays(pilotOn, randomInt(random, 60, 200)) : null;
        // One adoption in five that went past identification was abandoned along the way.
        const abandoned = reached === 4;
        await db.insert(adoptions).values({
          laureateId: laureate.id,
          organisation: `${kind} fictive n° ${organisationNumber} (démonstration)`,
          regionCode,
          departementCode,
          stage: abandoned
            ? "abandonnee"
            : ((["identifiee", "contactee", "pilote", "deployee"] as const)[reached] ?? "identifiee"),
          identifiedOn,
          contactedOn: abandoned ? addDays(identifiedOn, 30) : contactedOn,
          pilotOn: abandoned ? null : pilotOn,
          deployedOn: abandoned ? null : deployedOn,
          abandonedOn: abandoned ? addDays(identifiedOn, 90) : null,
          abandonReason: abandoned ? "Motif de démonstration : priorités de l'organisation revues." : null,
          contact: "Référent fictif (démonstration)",
          notes: "Adoption de démonstration : organisation et dates inventées.",
          isDemo: true,
        });
      }
    }

    // A few laureates have the resources of a closure kit, to show it.
    if (position % 5 === 0 && !equipped.has(laureate.id)) {
      await db.insert(reusableAssets).values([
        {
          laureateId: laureate.id,
          kind: "guide",
          label: "Guide de méthode (démonstration)",
          url: "https://exemple.invalid/guide-de-methode",
          isDemo: true,
        },
        {
          laureateId: laureate.id,
          kind: "contact",
          label: "Référent fictif (démonstration)",
          contactEmail: "referent.demo@exemple.invalid",
          isDemo: true,
        },
      ]);
    }
  }
}
