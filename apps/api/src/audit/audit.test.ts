import { schema, type DatabaseHandle } from "@defis/db";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../users/user-commands.js";
import { callerAs, createTestDatabase, DEMO_EMAILS, sessionUserOf } from "../testing/test-app.js";
import { changedFields } from "./record-audit.js";

describe("the audit trail", () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  async function anEvent(): Promise<number> {
    const [event] = await database.db
      .insert(schema.auditEvents)
      .values({ action: "test", entity: "test", entityId: "1", systemAuthor: "systeme" })
      .returning({ id: schema.auditEvents.id });
    return event?.id ?? 0;
  }

  it("is append-only: the database refuses UPDATE, DELETE and TRUNCATE", async () => {
    const id = await anEvent();
    await expect(
      database.db.update(schema.auditEvents).set({ action: "falsifié" }).where(eq(schema.auditEvents.id, id)),
    ).rejects.toThrow();
    await expect(
      database.db.delete(schema.auditEvents).where(eq(schema.auditEvents.id, id)),
    ).rejects.toThrow();
    await expect(database.db.execute(sql`truncate audit_event`)).rejects.toThrow();
    const [kept] = await database.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.id, id));
    expect(kept?.action).toBe("test");
  });

  it("keeps a change and its event together: a failure after both leaves neither", async () => {
    const admin = await sessionUserOf(database, DEMO_EMAILS.admin);
    const [before] = await database.db.select({ total: count() }).from(schema.auditEvents);
    await expect(
      database.db.transaction(async (tx) => {
        await createUser(
          tx,
          { userId: admin.id, role: admin.role, requestId: "panne" },
          {
            email: "panne@ditp.example",
            displayName: "Compte en panne",
            role: "direction",
            scope: [],
          },
        );
        throw new Error("panne simulée après l'écriture");
      }),
    ).rejects.toThrow("panne simulée");
    const [after] = await database.db.select({ total: count() }).from(schema.auditEvents);
    expect(after?.total).toBe(before?.total);
    expect(
      await database.db.select().from(schema.users).where(eq(schema.users.email, "panne@ditp.example")),
    ).toEqual([]);
  });

  it("records the actor, the request and only the fields that changed", async () => {
    const officer = await callerAs(database, DEMO_EMAILS.officer);
    const laureate = await officer.laureates.bySlug({ slug: "dggn-lab-innovation" });
    await officer.laureates.update({
      laureateSlug: laureate.slug,
      version: laureate.version,
      porteur: laureate.porteur,
      ministry: laureate.ministry,
      fundingMode: laureate.fundingMode,
      partnerLabs: [...laureate.partnerLabs, "Lab de test"],
    });
    const [history] = await officer.audit.forLaureate({ slug: laureate.slug });
    expect(history).toMatchObject({
      action: "laureat.modification",
      actor: { email: DEMO_EMAILS.officer },
      actorRole: "charge_mission",
      requestId: "test-request",
      before: { laboratoiresPartenaires: laureate.partnerLabs },
      after: { laboratoiresPartenaires: [...laureate.partnerLabs, "Lab de test"] },
      laureate: { slug: laureate.slug },
    });
    const journal = await officer.audit.list({ entity: "laureat", page: 1 });
    expect(journal.events[0]?.id).toBe(history?.id);
  });

  it("filters the journal by who, what and when, in Paris days", async () => {
    const officer = await callerAs(database, DEMO_EMAILS.officer);
    const actors = await officer.audit.actors();
    const me = actors.find((actor) => actor.email === DEMO_EMAILS.officer);
    expect(me).toBeDefined();
    const mine = await officer.audit.list({ actorId: me?.id, page: 1 });
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.events.every((event) => event.actor?.id === me?.id)).toBe(true);
    const today = new Intl.DateTimeFormat("fr-CA", { timeZone: "Europe/Paris" }).format(new Date());
    expect((await officer.audit.list({ from: today, to: today, page: 1 })).total).toBeGreaterThan(0);
    expect((await officer.audit.list({ to: "2022-01-01", page: 1 })).total).toBe(0);
    await expect(officer.audit.list({ from: "2026-02-01", to: "2026-01-01", page: 1 })).rejects.toMatchObject(
      {
        code: "BAD_REQUEST",
      },
    );
  });

  it("keeps the journal from sponsors and leadership, not the laureates' history", async () => {
    const leadership = await callerAs(database, DEMO_EMAILS.leadership);
    await expect(leadership.audit.list({ page: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(leadership.audit.forLaureate({ slug: "dggn-lab-innovation" })).resolves.toBeInstanceOf(
      Array,
    );
  });

  it("diffs records field by field", () => {
    expect(changedFields({ a: 1, b: [1], c: "x" }, { a: 1, b: [1, 2], c: "y" })).toEqual({
      before: { b: [1], c: "x" },
      after: { b: [1, 2], c: "y" },
    });
    expect(changedFields(null, { a: 1 })).toEqual({ before: null, after: { a: 1 } });
  });
});
