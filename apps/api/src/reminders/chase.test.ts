import { schema } from "@defis/db";
import { createTestDatabase, type TestDatabaseHandle } from "@defis/db/testing";
import { chaseOccurrence, needsAttention, type SessionUser } from "@defis/domain";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parisDay } from "../paris-day.js";
import { callerAs, callerFor, DEMO_EMAILS, sessionUserOf } from "../testing/test-app.js";

const { auditEvents, mailOutbox, userScopes } = schema;

async function auditCount(
  database: TestDatabaseHandle,
  action: "rappels.relance" | "utilisateur.attribution",
) {
  const [row] = await database.db
    .select({ total: count() })
    .from(auditEvents)
    .where(eq(auditEvents.action, action));
  return row?.total ?? 0;
}

describe("chasing from « À relancer »", () => {
  let database: TestDatabaseHandle;
  let sponsor: SessionUser;
  beforeAll(async () => {
    database = await createTestDatabase();
    sponsor = await sessionUserOf(database, DEMO_EMAILS.sponsorSante);
  });
  afterAll(() => database.close());

  it("lists every active sponsor with their address, never reminded yet, and the laureates nobody covers", async () => {
    const officer = await callerAs(database, DEMO_EMAILS.officer);
    const view = await officer.progress.toChase();
    expect(view.deliveryConfigured).toBe(false);
    expect(view.sponsors.map((person) => person.email).sort()).toEqual([
      DEMO_EMAILS.sponsorInterieur,
      DEMO_EMAILS.sponsorSante,
    ]);
    expect(view.sponsors.every((person) => person.lastReminder === null && !person.chasedToday)).toBe(true);
    expect(view.rows.filter((row) => row.sponsors.length === 0).length).toBeGreaterThan(0);
  });

  it("reminds a late sponsor of exactly what is missing, once a day, in the outbox and the journal", async () => {
    const officer = await callerAs(database, DEMO_EMAILS.officer);
    const { rows } = await officer.progress.toChase();
    const waiting = rows.filter(
      (row) => row.sponsors.some((person) => person.id === sponsor.id) && needsAttention(row),
    );
    expect(waiting.length).toBeGreaterThan(0);

    const chased = await officer.reminders.remindSponsor({ sponsorId: sponsor.id });
    expect(chased).toMatchObject({ recipientEmail: DEMO_EMAILS.sponsorSante, laureates: waiting.length });
    const [mail] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, chased.mailId));
    expect(mail).toMatchObject({
      kind: "relance_sponsor",
      status: "a_envoyer",
      recipientUserId: sponsor.id,
      occurrence: chaseOccurrence(parisDay(), sponsor.id),
    });
    // Each laureate waiting, each late milestone and indicator, and nothing of the sponsor's other projects.
    expect(waiting.some((row) => row.lateIndicators.length > 0)).toBe(true);
    for (const row of waiting) {
      expect(mail?.body).toContain(`■ ${row.title}`);
      for (const milestone of row.lateMilestones) expect(mail?.body).toContain(`« ${milestone.title} »`);
      for (const indicator of row.lateIndicators) expect(mail?.body).toContain(`« ${indicator.name} »`);
    }
    for (const row of rows.filter((other) => !waiting.includes(other))) {
      expect(mail?.body).not.toContain(`■ ${row.title}\n`);
    }
    expect(mail?.body).toContain(`Une question ? Écrivez à `);
    expect(await auditCount(database, "rappels.relance")).toBe(1);

    const view = await officer.progress.toChase();
    const contact = view.sponsors.find((person) => person.id === sponsor.id);
    expect(contact).toMatchObject({
      chasedToday: true,
      lastReminder: { kind: "relance_sponsor", status: "a_envoyer" },
    });

    const admin = await callerAs(database, DEMO_EMAILS.admin);
    await expect(admin.reminders.remindSponsor({ sponsorId: sponsor.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Sacha Petit (démo) a déjà été relancé·e aujourd'hui : une relance par jour au plus.",
    });
    expect(await auditCount(database, "rappels.relance")).toBe(1);
  });

  it("refuses to remind an unknown account, a non-sponsor, or a sponsor with nothing missing", async () => {
    const officer = await callerAs(database, DEMO_EMAILS.officer);
    const officerUser = await sessionUserOf(database, DEMO_EMAILS.officer);
    await expect(officer.reminders.remindSponsor({ sponsorId: 999_999 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(officer.reminders.remindSponsor({ sponsorId: officerUser.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(officer.reminders.remindSponsor({ sponsorId: 0 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    // A sponsor whose scope is one laureate whose parts are fresh: nothing to chase.
    const [fresh] = await database.db
      .insert(schema.users)
      .values({ email: "sponsor.frais@defis.example", displayName: "Camille Frais", role: "sponsor" })
      .returning({ id: schema.users.id });
    await database.db
      .insert(userScopes)
      .values({ userId: fresh?.id ?? 0, kind: "laureat", value: "nothing-here" });
    await expect(officer.reminders.remindSponsor({ sponsorId: fresh?.id ?? 0 })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "Camille Frais n'a rien à mettre à jour : aucune relance n'est nécessaire.",
    });
  });

  it("gives a laureate without sponsor to a sponsor, once, in the journal", async () => {
    const officer = await callerAs(database, DEMO_EMAILS.officer);
    const { rows } = await officer.progress.toChase();
    const orphan = rows.find((row) => row.sponsors.length === 0);
    if (!orphan) throw new Error("La démonstration a des lauréats sans sponsor.");
    const before = await auditCount(database, "utilisateur.attribution");
    expect(
      await officer.users.assignSponsor({ laureateSlug: orphan.laureateSlug, sponsorId: sponsor.id }),
    ).toEqual({
      laureateSlug: orphan.laureateSlug,
      sponsorId: sponsor.id,
      sponsorName: "Sacha Petit (démo)",
    });
    const after = await officer.progress.toChase();
    expect(after.rows.find((row) => row.laureateSlug === orphan.laureateSlug)?.sponsors).toEqual([
      { id: sponsor.id, displayName: "Sacha Petit (démo)" },
    ]);
    expect(await auditCount(database, "utilisateur.attribution")).toBe(before + 1);
    // The sponsor now reaches it: the server's scope rule and the page's are the same.
    const sponsorCaller = await callerAs(database, DEMO_EMAILS.sponsorSante);
    const mine = await sponsorCaller.progress.myProjects();
    expect(mine.rows.map((row) => row.laureateSlug)).toContain(orphan.laureateSlug);

    await expect(
      officer.users.assignSponsor({ laureateSlug: orphan.laureateSlug, sponsorId: sponsor.id }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Ce lauréat est déjà dans le périmètre de Sacha Petit (démo).",
    });
    const officerUser = await sessionUserOf(database, DEMO_EMAILS.officer);
    await expect(
      officer.users.assignSponsor({ laureateSlug: orphan.laureateSlug, sponsorId: officerUser.id }),
    ).rejects.toMatchObject({ message: "Ce compte n'est pas un sponsor." });
    await expect(
      officer.users.assignSponsor({ laureateSlug: "inconnu", sponsorId: sponsor.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await auditCount(database, "utilisateur.attribution")).toBe(before + 1);
  });

  it("refuses both actions to sponsors, leadership and anonymous callers", async () => {
    for (const email of [DEMO_EMAILS.sponsorSante, DEMO_EMAILS.leadership]) {
      const caller = await callerAs(database, email);
      await expect(caller.reminders.remindSponsor({ sponsorId: sponsor.id })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(
        caller.users.assignSponsor({ laureateSlug: "insep-catalyser", sponsorId: sponsor.id }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.progress.toChase()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(
      callerFor(database).reminders.remindSponsor({ sponsorId: sponsor.id }),
    ).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});

describe("chasing the same sponsor from two instances at once", () => {
  let database: TestDatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it("writes one reminder and one audit event, the others are told it was done today", async () => {
    const other = await database.openAnotherInstance();
    const sponsor = await sessionUserOf(database, DEMO_EMAILS.sponsorInterieur);
    const officer = await sessionUserOf(database, DEMO_EMAILS.officer);
    const admin = await sessionUserOf(database, DEMO_EMAILS.admin);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, index) =>
        callerFor(index % 2 ? other : database, index % 3 ? officer : admin).reminders.remindSponsor({
          sponsorId: sponsor.id,
        }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === "rejected") expect(outcome.reason).toMatchObject({ code: "CONFLICT" });
    }
    const [mails] = await database.db
      .select({ total: count() })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.kind, "relance_sponsor"), eq(mailOutbox.recipientUserId, sponsor.id)));
    expect(mails?.total).toBe(1);
    // On PGlite the calls follow each other; on PostgreSQL they race on the outbox's unique key.
    expect(await auditCount(database, "rappels.relance")).toBe(1);
  });
});
