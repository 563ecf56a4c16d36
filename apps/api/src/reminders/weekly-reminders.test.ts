import { schema } from "@defis/db";
import { createTestDatabase, type TestDatabaseHandle } from "@defis/db/testing";
import { asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_EMAILS } from "../testing/test-app.js";
import { ensureWeeklyRemindersJob, runDueWeeklyReminders, WEEKLY_REMINDERS_JOB } from "./weekly-reminders.js";
import { followingWeekRun, nextWeeklyRun, weekOf } from "./weekly-schedule.js";

const { auditEvents, mailOutbox, scheduledJobs } = schema;
const PUBLIC_URL = "https://defis.test";
const HOUR = 3_600_000;

describe("weekly reminders", () => {
  let database: TestDatabaseHandle;
  // The demonstration scenario is dated from the real today: the runs are too.
  const now = new Date();
  const options = { now, publicUrl: PUBLIC_URL };

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  async function setJob(values: { nextRunAt: Date; lastRunAt?: Date | null }) {
    await database.db.delete(scheduledJobs);
    await database.db.insert(scheduledJobs).values({ name: WEEKLY_REMINDERS_JOB, ...values });
  }
  async function job() {
    const [row] = await database.db
      .select()
      .from(scheduledJobs)
      .where(eq(scheduledJobs.name, WEEKLY_REMINDERS_JOB));
    return row;
  }
  const outbox = () => database.db.select().from(mailOutbox).orderBy(asc(mailOutbox.id));
  async function reminderEvents() {
    const [row] = await database.db
      .select({ total: count() })
      .from(auditEvents)
      .where(eq(auditEvents.action, "rappels.envoi"));
    return row?.total ?? 0;
  }

  beforeEach(async () => {
    await database.db.delete(mailOutbox);
  });

  it("creates the job due next Monday 08:00, or at once in demo mode, and never moves an existing one", async () => {
    await database.db.delete(scheduledJobs);
    await ensureWeeklyRemindersJob(database.db, now, { dueAtOnce: false });
    expect((await job())?.nextRunAt).toEqual(nextWeeklyRun(now));
    await ensureWeeklyRemindersJob(database.db, now, { dueAtOnce: true });
    expect((await job())?.nextRunAt).toEqual(nextWeeklyRun(now));

    await database.db.delete(scheduledJobs);
    await ensureWeeklyRemindersJob(database.db, now, { dueAtOnce: true });
    expect((await job())?.nextRunAt).toEqual(now);
  });

  it("does nothing while the job is not due", async () => {
    await setJob({ nextRunAt: new Date(now.getTime() + HOUR) });
    const events = await reminderEvents();
    expect(await runDueWeeklyReminders(database.db, options)).toBeNull();
    expect(await outbox()).toEqual([]);
    expect(await reminderEvents()).toBe(events);
  });

  it("writes the demo sponsors' digests and the officer's alert, with one audit event", async () => {
    await setJob({ nextRunAt: new Date(now.getTime() - HOUR) });
    const events = await reminderEvents();
    const run = await runDueWeeklyReminders(database.db, options);
    expect(run).toEqual({ week: weekOf(now), digests: 2, alerts: 1 });

    const mails = await outbox();
    expect(mails.map((mail) => [mail.kind, mail.recipientEmail]).sort()).toEqual([
      ["alerte_chargee", DEMO_EMAILS.officer],
      ["rappel_sponsor", DEMO_EMAILS.sponsorInterieur],
      ["rappel_sponsor", DEMO_EMAILS.sponsorSante],
    ]);
    expect(mails.every((mail) => mail.occurrence === `rappels:${weekOf(now)}`)).toBe(true);
    expect(mails.every((mail) => mail.status === "a_envoyer" && mail.recipientUserId !== null)).toBe(true);
    const sante = mails.find((mail) => mail.recipientEmail === DEMO_EMAILS.sponsorSante);
    expect(sante?.subject).toMatch(/^Défis : \d+ projets? demanden?t? votre attention$/);
    // The laureate whose declared météo the facts contradict is in the Santé scope.
    expect(sante?.body).toContain(`${PUBLIC_URL}/laureats/chu-toulouse-parkinson`);
    expect(sante?.body).toContain(`Tous vos projets : ${PUBLIC_URL}/mes-projets`);
    const alert = mails.find((mail) => mail.kind === "alerte_chargee");
    // The scenario leaves a laureate of the Intérieur 75 days without update; the Santé ones are fresher.
    expect(alert?.subject).toBe("Défis : 1 sponsor sans mise à jour depuis plus de 60 jours");
    expect(alert?.body).toContain(`${PUBLIC_URL}/laureats/dggn-lab-innovation`);
    expect(alert?.body).not.toContain("chu-toulouse-parkinson");

    expect(await reminderEvents()).toBe(events + 1);
    const [event] = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "rappels.envoi"))
      .orderBy(asc(auditEvents.id))
      .limit(1)
      .offset(events);
    expect(event).toMatchObject({
      actorUserId: null,
      entity: "rappels",
      entityId: `rappels:${weekOf(now)}`,
      after: { semaine: weekOf(now), declenchement: "planifié", rappelsSponsors: 2, alertesChargees: 1 },
    });
    expect(await job()).toMatchObject({ nextRunAt: followingWeekRun(now), lastRunAt: now });
    // Not due any more: a second turn of the scheduler does nothing.
    expect(await runDueWeeklyReminders(database.db, options)).toBeNull();
  });

  it("writes no mail twice when the same week runs again", async () => {
    await setJob({ nextRunAt: new Date(now.getTime() - HOUR) });
    await runDueWeeklyReminders(database.db, options);
    const first = await outbox();
    await setJob({ nextRunAt: new Date(now.getTime() - HOUR) });
    const events = await reminderEvents();
    expect(await runDueWeeklyReminders(database.db, options)).toEqual({
      week: weekOf(now),
      digests: 0,
      alerts: 0,
    });
    expect(await outbox()).toEqual(first);
    expect(await reminderEvents()).toBe(events + 1);
  });

  it("runs a due occurrence once when two instances claim it together", async () => {
    const other = await database.openAnotherInstance();
    for (let round = 0; round < 5; round += 1) {
      await database.db.delete(mailOutbox);
      await setJob({ nextRunAt: new Date(now.getTime() - HOUR) });
      const events = await reminderEvents();
      const runs = await Promise.all([
        runDueWeeklyReminders(database.db, options),
        runDueWeeklyReminders(other.db, options),
      ]);
      expect(runs.filter((run) => run !== null)).toEqual([{ week: weekOf(now), digests: 2, alerts: 1 }]);
      expect(await outbox()).toHaveLength(3);
      expect(await reminderEvents()).toBe(events + 1);
    }
  });
});
