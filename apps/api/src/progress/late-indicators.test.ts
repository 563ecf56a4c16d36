import { schema } from "@defis/db";
import type { TestDatabaseHandle } from "@defis/db/testing";
import type { SessionUser } from "@defis/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parisDay } from "../paris-day.js";
import { runDueWeeklyReminders, WEEKLY_REMINDERS_JOB } from "../reminders/weekly-reminders.js";
import { callerFor, createTestDatabase, DEMO_EMAILS, sessionUserOf } from "../testing/test-app.js";

const SLUG = "chu-toulouse-parkinson";
const LATE = "Consultations d'annonce préparées avec l'outil (essai)";
const PROPOSED = "Aidants informés (essai)";

describe("late indicators in the follow-up", () => {
  let database: TestDatabaseHandle;
  let officer: SessionUser;
  let sponsor: SessionUser;
  let lateId = 0;
  let laureateId = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    officer = await sessionUserOf(database, DEMO_EMAILS.officer);
    sponsor = await sessionUserOf(database, DEMO_EMAILS.sponsorSante);
    const [laureate] = await database.db
      .select({ id: schema.laureates.id })
      .from(schema.laureates)
      .where(eq(schema.laureates.slug, SLUG));
    laureateId = laureate?.id ?? 0;
    const common = {
      laureateId,
      unit: "nombre" as const,
      subject: "usagers" as const,
      direction: "hausse" as const,
      baselineValue: 0,
      baselineOn: "2022-06-30",
      targetValue: 100,
      targetOn: "2025-12-31",
      periodicity: "mensuelle" as const,
    };
    // Followed, never measured: its first measure was due a month after its baseline.
    const [late] = await database.db
      .insert(schema.indicators)
      .values({ ...common, name: LATE, status: "suivi", decidedAt: new Date("2022-07-05T10:00:00Z") })
      .returning({ id: schema.indicators.id });
    lateId = late?.id ?? 0;
    // A proposal no officer answered counts nowhere, however late it would be.
    await database.db
      .insert(schema.indicators)
      .values({ ...common, name: PROPOSED, status: "propose", proposedBy: sponsor.id });
  });
  afterAll(() => database.close());

  const expected = { id: expect.any(Number) as number, name: LATE, dueOn: "2022-07-30" };

  it("lists a followed indicator past due on the laureate's page, in its health, and not a proposal", async () => {
    const progress = await callerFor(database, officer).progress.forLaureate({ slug: SLUG });
    expect(progress.lateIndicators).toContainEqual(expected);
    expect(progress.lateIndicators.map((indicator) => indicator.name)).not.toContain(PROPOSED);
    expect(progress.health?.computed.reasons).toContainEqual({
      level: "nuage",
      text: expect.stringContaining(`Indicateur « ${LATE} » à mettre à jour`) as string,
    });
  });

  it("asks the sponsor for it in « Mes projets », « À relancer » and the weekly reminder", async () => {
    const mine = await callerFor(database, sponsor).progress.myProjects();
    expect(mine.rows.find((row) => row.laureateSlug === SLUG)?.lateIndicators).toContainEqual(expected);
    const toChase = await callerFor(database, officer).progress.toChase();
    expect(toChase.rows.find((row) => row.laureateSlug === SLUG)?.lateIndicators).toContainEqual(expected);

    const now = new Date();
    await database.db.delete(schema.mailOutbox);
    await database.db.delete(schema.scheduledJobs);
    await database.db
      .insert(schema.scheduledJobs)
      .values({ name: WEEKLY_REMINDERS_JOB, nextRunAt: new Date(now.getTime() - 3_600_000) });
    await runDueWeeklyReminders(database.db, { now, publicUrl: "https://defis.test" });
    const [mail] = await database.db
      .select()
      .from(schema.mailOutbox)
      .where(eq(schema.mailOutbox.recipientEmail, DEMO_EMAILS.sponsorSante));
    expect(mail?.body).toContain(`  - Indicateur à mesurer : « ${LATE} », mesure attendue le 30/07/2022`);
    expect(mail?.body).not.toContain(PROPOSED);
  });

  it("drops it once measured within its period", async () => {
    const today = parisDay();
    await database.db.insert(schema.indicatorMeasures).values({
      indicatorId: lateId,
      laureateId,
      measuredOn: today,
      value: 12,
    });
    const progress = await callerFor(database, officer).progress.forLaureate({ slug: SLUG });
    expect(progress.lateIndicators.map((indicator) => indicator.name)).not.toContain(LATE);
  });
});
