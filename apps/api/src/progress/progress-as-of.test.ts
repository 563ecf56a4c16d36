import { schema } from "@defis/db";
import type { TestDatabaseHandle } from "@defis/db/testing";
import { addDays } from "@defis/domain";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parisDay } from "../paris-day.js";
import { callerAs, createTestDatabase, DEMO_EMAILS, sessionUserOf } from "../testing/test-app.js";

const { comments, laureates, milestones, milestoneVersions, weatherReports, weatherReportVersions } = schema;

const SLUG = "chu-toulouse-parkinson";

/**
 * Rows written a month ago (their history back-dated, as the triggers would
 * have dated them then), then changed today: the "Suivi" tab of a day in
 * between reads them as they stood at its end.
 */
describe("a laureate's Suivi tab on a past day (état au)", () => {
  let database: TestDatabaseHandle;
  const today = parisDay();
  const day = addDays(today, -10);
  let milestoneId = 0;
  let reportId = 0;
  let editedId = 0;
  let laterId = 0;
  let twiceId = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    const officer = await sessionUserOf(database, DEMO_EMAILS.officer);
    const caller = await callerAs(database, DEMO_EMAILS.officer);
    const [laureate] = await database.db
      .select({ id: laureates.id })
      .from(laureates)
      .where(eq(laureates.slug, SLUG));
    if (!laureate) throw new Error("Lauréat de démonstration absent");
    const monthAgo = sql`now() - interval '30 days'`;

    const [milestone] = await database.db
      .insert(milestones)
      .values({
        laureateId: laureate.id,
        title: "Jalon atteint après le jour",
        dueOn: addDays(day, -5),
        position: 90,
      })
      .returning({ id: milestones.id });
    const [report] = await database.db
      .insert(weatherReports)
      .values({
        laureateId: laureate.id,
        period: "2020-01",
        level: "soleil",
        synthesis: "Formulation du jour.",
      })
      .returning({ id: weatherReports.id });
    const [edited] = await database.db
      .insert(comments)
      .values({
        laureateId: laureate.id,
        kind: "reussites",
        body: "Formulation d'avant la correction.",
        authorId: officer.id,
        updatedBy: officer.id,
        createdAt: monthAgo,
        updatedAt: monthAgo,
      })
      .returning({ id: comments.id });
    if (!milestone || !report || !edited) throw new Error("Lignes de test non écrites");
    milestoneId = milestone.id;
    reportId = report.id;
    editedId = edited.id;
    await database.db
      .update(milestoneVersions)
      .set({ validFrom: monthAgo })
      .where(eq(milestoneVersions.milestoneId, milestoneId));
    await database.db
      .update(weatherReportVersions)
      .set({ validFrom: monthAgo })
      .where(eq(weatherReportVersions.weatherReportId, reportId));

    // Today, after the day: the milestone reached (dated back), the météo corrected, the comment reworded, another added.
    await database.db
      .update(milestones)
      .set({ status: "atteint", reachedOn: addDays(day, -2) })
      .where(eq(milestones.id, milestoneId));
    await database.db
      .update(weatherReports)
      .set({ level: "orage", synthesis: "Corrigée après le jour." })
      .where(eq(weatherReports.id, reportId));
    await caller.progress.editComment({
      laureateSlug: SLUG,
      commentId: editedId,
      version: 1,
      body: "Formulation corrigée après le jour.",
    });
    // Reworded twice: once before the day (back-dated), once after it.
    ({ commentId: twiceId } = await caller.progress.addComment({
      laureateSlug: SLUG,
      kind: "prochaines_actions",
      body: "Premier texte.",
    }));
    await database.db
      .update(comments)
      .set({ createdAt: monthAgo, updatedAt: monthAgo })
      .where(eq(comments.id, twiceId));
    await caller.progress.editComment({
      laureateSlug: SLUG,
      commentId: twiceId,
      version: 1,
      body: "Texte du jour.",
    });
    await database.db
      .update(comments)
      .set({ updatedAt: sql`now() - interval '20 days'` })
      .where(eq(comments.id, twiceId));
    await caller.progress.editComment({
      laureateSlug: SLUG,
      commentId: twiceId,
      version: 2,
      body: "Texte d'après.",
    });
    ({ commentId: laterId } = await caller.progress.addComment({
      laureateSlug: SLUG,
      kind: "risques_blocages",
      body: "Écrit après le jour.",
    }));
  });
  afterAll(() => database.close());

  it("shows the milestones, météo and comments as known at the end of the day, read-only", async () => {
    const caller = await callerAs(database, DEMO_EMAILS.officer);
    const progress = await caller.progress.forLaureate({ slug: SLUG, asOf: day });
    expect(progress).toMatchObject({ past: day, today: day, health: null, freshness: [] });

    // Reached after the day: not reached on it, and late then.
    expect(progress.milestones.find((milestone) => milestone.id === milestoneId)).toMatchObject({
      status: "a_venir",
      reachedOn: null,
      state: "en_retard",
      daysLate: 5,
    });
    // Corrected after the day: its earlier wording; no period after the day's.
    expect(progress.weather.find((report) => report.id === reportId)).toMatchObject({
      level: "soleil",
      synthesis: "Formulation du jour.",
    });
    expect(progress.weather.every((report) => report.period <= day.slice(0, 7))).toBe(true);
    // Reworded after the day: the wording of the day, no later revision; written after: absent.
    expect(progress.comments.find((comment) => comment.id === editedId)).toMatchObject({
      body: "Formulation d'avant la correction.",
      version: 1,
      revisions: [],
    });
    expect(progress.comments.some((comment) => comment.id === laterId)).toBe(false);
    // Reworded before and after the day: the wording of the day, the earlier one listed, the later not.
    expect(progress.comments.find((comment) => comment.id === twiceId)).toMatchObject({
      body: "Texte du jour.",
      version: 2,
      revisions: [expect.objectContaining({ version: 1, body: "Premier texte." })],
    });
    expect(progress.comments.find((comment) => comment.id === twiceId)?.revisions).toHaveLength(1);
  });

  it("shows today as before: the latest wordings, the freshness and the computed health", async () => {
    const caller = await callerAs(database, DEMO_EMAILS.officer);
    const progress = await caller.progress.forLaureate({ slug: SLUG });
    expect(await caller.progress.forLaureate({ slug: SLUG, asOf: today })).toEqual(progress);
    expect(progress.past).toBeNull();
    expect(progress.health).not.toBeNull();
    expect(progress.freshness).toHaveLength(3);
    expect(progress.milestones.find((milestone) => milestone.id === milestoneId)).toMatchObject({
      status: "atteint",
      state: "atteint",
    });
    expect(progress.weather.find((report) => report.id === reportId)).toMatchObject({ level: "orage" });
    expect(progress.comments.find((comment) => comment.id === editedId)).toMatchObject({
      body: "Formulation corrigée après le jour.",
      version: 2,
      revisions: [expect.objectContaining({ version: 1, body: "Formulation d'avant la correction." })],
    });
    expect(progress.comments.some((comment) => comment.id === laterId)).toBe(true);
    expect(progress.comments.find((comment) => comment.id === twiceId)).toMatchObject({
      body: "Texte d'après.",
      version: 3,
    });
  });

  it("refuses a day to come", async () => {
    const caller = await callerAs(database, DEMO_EMAILS.officer);
    await expect(caller.progress.forLaureate({ slug: SLUG, asOf: addDays(today, 1) })).rejects.toThrow(
      "La date ne peut pas être postérieure à aujourd'hui.",
    );
  });
});
