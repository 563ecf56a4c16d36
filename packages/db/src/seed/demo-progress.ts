import { addDays, periodOf, type CommentKind, type MilestoneStatus, type WeatherLevel } from "@defis/domain";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "../database.js";
import {
  commentRevisions,
  comments,
  freshness,
  laureates,
  milestones,
  tranches,
  users,
  weatherReports,
} from "../schema/index.js";
import { DEMO_ACCOUNTS } from "./demo-accounts.js";
import { randomInt, seededRandom } from "./random.js";

/**
 * Phases every co-construction project goes through. Generic on purpose: the
 * announcement gives no milestone, so none is presented as a laureate's own.
 */
const DEMO_PHASES = [
  "Cadrage et équipe projet constituée",
  "Ateliers de co-construction avec usagers et agents",
  "Prototype testé en conditions réelles",
  "Déploiement sur le premier site",
  "Évaluation et bilan partagé",
] as const;

/** The laureate whose declared météo deliberately contradicts its facts. */
export const DEMO_DIVERGENT_LAUREATE = "chu-toulouse-parkinson";

const LEVELS: readonly WeatherLevel[] = ["soleil", "nuage", "couvert", "orage"];
const SYNTHESES: Record<WeatherLevel, string> = {
  soleil: "Le calendrier est tenu et les usagers associés aux ateliers restent mobilisés (démonstration).",
  nuage: "Un léger décalage sur le prototype, sans effet attendu sur la date de fin (démonstration).",
  couvert:
    "Le recrutement d'un agent clé prend du retard ; un appui de la DITP est sollicité (démonstration).",
  orage: "Le partenaire technique s'est retiré : le projet doit être replanifié (démonstration).",
};
const COMMENTS: readonly { kind: CommentKind; body: string }[] = [
  {
    kind: "risques_blocages",
    body: "Disponibilité des agents de terrain limitée pendant la période estivale (démonstration).",
  },
  {
    kind: "prochaines_actions",
    body: "Organiser la restitution des ateliers aux équipes et arrêter le périmètre du pilote (démonstration).",
  },
  {
    kind: "reussites",
    body: "Premier retour très positif des usagers sur le parcours simplifié (démonstration).",
  },
];

function monthsBefore(period: string, months: number): string {
  const [year = 0, month = 1] = period.split("-").map(Number);
  const index = year * 12 + (month - 1) - months;
  return `${String(Math.floor(index / 12))}-${String((index % 12) + 1).padStart(2, "0")}`;
}

export async function demoUserIds(
  db: Executor,
): Promise<{ officer: number | null; bySponsorScope: Map<string, number> }> {
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        DEMO_ACCOUNTS.map((account) => account.email),
      ),
    );
  const idOf = (email: string) => rows.find((row) => row.email === email)?.id ?? null;
  const bySponsorScope = new Map<string, number>();
  for (const account of DEMO_ACCOUNTS) {
    const id = idOf(account.email);
    if (account.role !== "sponsor" || id === null) continue;
    for (const entry of account.scope) if (entry.kind === "ministere") bySponsorScope.set(entry.value, id);
  }
  return {
    officer: idOf(DEMO_ACCOUNTS.find((account) => account.role === "charge_mission")?.email ?? ""),
    bySponsorScope,
  };
}

/**
 * Milestones, météo histories, comments and freshness for the laureates that
 * have none, dated from `today` so that the scenario always shows a programme
 * under way: some milestones reached, some late, some parts stale, one tranche
 * waiting for its milestone, and one declared météo that the facts contradict.
 */
export async function seedDemoProgress(
  db: Executor,
  programmeId: number,
  seed: number,
  today: string,
): Promise<void> {
  const random = seededRandom(seed + 2);
  const people = await demoUserIds(db);
  const list = await db
    .select({ id: laureates.id, slug: laureates.slug, ministry: laureates.ministry })
    .from(laureates)
    .leftJoin(milestones, eq(milestones.laureateId, laureates.id))
    .where(and(eq(laureates.programmeId, programmeId), isNull(milestones.id)))
    .orderBy(asc(laureates.position));
  const currentPeriod = periodOf(today);
  for (const [index, laureate] of list.entries()) {
    const sponsor = people.bySponsorScope.get(laureate.ministry) ?? people.officer;
    const divergent = laureate.slug === DEMO_DIVERGENT_LAUREATE;
    // Phases a quarter apart, the third one around today.
    const start = addDays(today, -270 + randomInt(random, -20, 20));
    // Six profiles in turn: on time, late and stale, on time, late with a blocked solde, on time, very late.
    const profile = index % 6;
    const lateness = divergent ? 45 : ([0, 12, 0, 38, 0, 70][profile] ?? 0);
    const staleDays = divergent ? 3 : ([2, 75, 9, 44, 5, 12][profile] ?? 2);
    const rows = DEMO_PHASES.map((title, position) => {
      const dueOn = addDays(start, position * 90);
      const late = position === 2 && lateness > 0;
      const status: MilestoneStatus = late
        ? "en_cours"
        : dueOn < today
          ? "atteint"
          : position === 3
            ? "en_cours"
            : "a_venir";
      return {
        laureateId: laureate.id,
        title,
        description: "Jalon de démonstration : phase type d'un projet co-construit.",
        dueOn: late ? addDays(today, -lateness) : dueOn,
        status,
        reachedOn: status === "atteint" ? addDays(dueOn, randomInt(random, -10, 15)) : null,
        evidenceNote: status === "atteint" ? "Compte rendu versé au dossier (démonstration)." : "",
        position: position + 1,
        updatedBy: sponsor,
        updatedAt: sql`now() - make_interval(days => ${staleDays})`,
        isDemo: true,
      };
    });
    // Reached milestones keep their reaching date in the past.
    for (const row of rows) if (row.reachedOn !== null && row.reachedOn > today) row.reachedOn = today;
    const inserted = await db
      .insert(milestones)
      .values(rows)
      .returning({ id: milestones.id, position: milestones.position });
    const lastPhase = inserted.find((row) => row.position === DEMO_PHASES.length);
    // For some laureates, the solde waits for the final evaluation.
    if (lastPhase && profile === 3) {
      await db
        .update(tranches)
        .set({ gatingMilestoneId: lastPhase.id })
        .where(
          and(eq(tranches.laureateId, laureate.id), eq(tranches.kind, "solde"), eq(tranches.status, "prevu")),
        );
    }

    const history = Array.from({ length: 6 }, (_, back) =>
      monthsBefore(currentPeriod, back + (staleDays > 30 ? 2 : 0)),
    );
    // Sponsors declare honestly (the level their late milestone gives), but one.
    const honest: WeatherLevel =
      lateness >= 60 ? "orage" : lateness >= 30 ? "couvert" : lateness > 0 ? "nuage" : "soleil";
    const latest: WeatherLevel = divergent ? "soleil" : honest;
    await db.insert(weatherReports).values(
      history.map((period, back) => {
        const drift = back === 0 ? 0 : randomInt(random, -1, 1);
        const declared = LEVELS[Math.min(3, Math.max(0, LEVELS.indexOf(latest) + drift))] ?? latest;
        return {
          laureateId: laureate.id,
          period,
          level: declared,
          synthesis: SYNTHESES[declared],
          updatedBy: sponsor,
          isDemo: true,
          createdAt: sql`now() - make_interval(days => ${staleDays + back * 30})`,
          updatedAt: sql`now() - make_interval(days => ${staleDays + back * 30})`,
        };
      }),
    );

    for (const [position, comment] of COMMENTS.entries()) {
      if ((index + position) % 3 === 2) continue;
      const [created] = await db
        .insert(comments)
        .values({
          laureateId: laureate.id,
          ...comment,
          authorId: sponsor,
          updatedBy: sponsor,
          isDemo: true,
          createdAt: sql`now() - make_interval(days => ${staleDays + position * 7})`,
          updatedAt: sql`now() - make_interval(days => ${staleDays})`,
          version: position === 0 ? 2 : 1,
        })
        .returning({ id: comments.id });
      if (created && position === 0) {
        await db.insert(commentRevisions).values({
          commentId: created.id,
          version: 1,
          body: "Disponibilité des agents de terrain à confirmer (démonstration).",
          writtenAt: sql`now() - make_interval(days => ${staleDays + 7})`,
          writtenBy: sponsor,
        });
      }
    }

    await db
      .insert(freshness)
      .values([
        {
          laureateId: laureate.id,
          part: "jalons" as const,
          updatedBy: sponsor,
          updatedAt: sql`now() - make_interval(days => ${staleDays})`,
        },
        {
          laureateId: laureate.id,
          part: "meteo" as const,
          updatedBy: sponsor,
          updatedAt: sql`now() - make_interval(days => ${staleDays})`,
        },
        {
          laureateId: laureate.id,
          part: "finances" as const,
          updatedBy: people.officer,
          updatedAt: sql`now() - make_interval(days => ${randomInt(random, 3, 40)})`,
        },
      ])
      .onConflictDoNothing();
  }
}
