import { schema } from "@defis/db";
import { createTestDatabase, type TestDatabaseHandle } from "@defis/db/testing";
import { formatMailDate } from "@defis/domain";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs, callerFor, DEMO_EMAILS } from "../testing/test-app.js";
import { WEEKLY_REMINDERS_JOB } from "./weekly-reminders.js";
import { weekOf } from "./weekly-schedule.js";

const { auditEvents, mailOutbox, scheduledJobs } = schema;

describe("reminders router", () => {
  let database: TestDatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  async function manualRuns(): Promise<number> {
    const [row] = await database.db
      .select({ total: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "rappels.envoi"), eq(auditEvents.actorRole, "charge_mission")));
    return row?.total ?? 0;
  }

  it("refuses the outbox and the early run to sponsors, leadership and anonymous callers", async () => {
    for (const email of [DEMO_EMAILS.sponsorSante, DEMO_EMAILS.leadership]) {
      const caller = await callerAs(database, email);
      await expect(caller.reminders.outbox({})).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.reminders.runNow({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(callerFor(database).reminders.outbox({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await database.db.select().from(mailOutbox)).toEqual([]);
    expect(await database.db.select().from(scheduledJobs)).toEqual([]);
  });

  it("lets an officer prepare this week's reminders once, then says in French that they are ready", async () => {
    const officer = await callerAs(database, DEMO_EMAILS.officer);
    const week = weekOf(new Date());
    expect(await officer.reminders.runNow({})).toEqual({ week, digests: 2, alerts: 1 });
    expect(await manualRuns()).toBe(1);

    const admin = await callerAs(database, DEMO_EMAILS.admin);
    await expect(admin.reminders.runNow({})).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(
        new RegExp(
          `^Les rappels de la semaine du ${formatMailDate(week)} ont déjà été préparés le \\d\\d/\\d\\d/\\d{4}\\. Les prochains le seront le lundi \\d\\d/\\d\\d/\\d{4} à 8 h\\.$`,
        ),
      ) as unknown,
    });
    expect(await database.db.select().from(mailOutbox)).toHaveLength(3);
    const [job] = await database.db.select().from(scheduledJobs);
    expect(job?.name).toBe(WEEKLY_REMINDERS_JOB);
  });

  it("lists the outbox newest first, by page, filtered by kind and status", async () => {
    await database.db.insert(mailOutbox).values(
      Array.from({ length: 22 }, (_, index) => ({
        kind: "rappel_sponsor" as const,
        recipientEmail: `sponsor.${String(index)}@defis.example`,
        subject: `Rappel ${String(index)}`,
        body: "Bonjour",
        occurrence: "rappels:2020-01-06",
        status: "envoye" as const,
        createdAt: new Date(Date.UTC(2020, 0, 6, 8, index)),
      })),
    );
    const officer = await callerAs(database, DEMO_EMAILS.officer);
    const first = await officer.reminders.outbox({});
    expect(first).toMatchObject({ total: 25, page: 1, pageSize: 20, deliveryConfigured: false });
    expect(first.schedule?.lastRunAt).toBeInstanceOf(Date);
    // This week's mails, written last, come first.
    expect(first.mails.slice(0, 3).map((mail) => mail.status)).toEqual([
      "a_envoyer",
      "a_envoyer",
      "a_envoyer",
    ]);
    const sante = first.mails.find((mail) => mail.recipientEmail === DEMO_EMAILS.sponsorSante);
    expect(sante).toMatchObject({ kind: "rappel_sponsor", recipientName: "Sacha Petit (démo)" });
    expect(sante?.body).toContain("Bonjour Sacha Petit (démo),");

    const second = await officer.reminders.outbox({ page: 2 });
    expect(second.mails.map((mail) => mail.subject)).toEqual([
      "Rappel 4",
      "Rappel 3",
      "Rappel 2",
      "Rappel 1",
      "Rappel 0",
    ]);
    const alerts = await officer.reminders.outbox({ kind: "alerte_chargee" });
    expect(alerts.mails.map((mail) => mail.recipientEmail)).toEqual([DEMO_EMAILS.officer]);
    expect((await officer.reminders.outbox({ status: "envoye" })).total).toBe(22);
    await expect(officer.reminders.outbox({ status: "perdu" as "envoye" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
