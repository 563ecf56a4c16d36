import { schema, type DatabaseHandle } from "@defis/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs, createTestDatabase, DEMO_EMAILS } from "../testing/test-app.js";

describe("account administration", () => {
  let database: DatabaseHandle;
  let admin: Awaited<ReturnType<typeof callerAs>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    admin = await callerAs(database, DEMO_EMAILS.admin);
  });
  afterAll(() => database.close());

  async function idOf(email: string): Promise<number> {
    const [user] = await database.db
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(eq(schema.users.email, email));
    return user?.id ?? 0;
  }

  it("creates a sponsor with a scope, stores the email normalised, and lists it", async () => {
    const created = await admin.users.create({
      email: "  Referent.Sport@Sports.Gouv.example ",
      displayName: "Référent sport",
      role: "sponsor",
      scope: [
        { kind: "ministere", value: "education-sports" },
        { kind: "laureat", value: "insep-catalyser" },
      ],
      password: "un mot de passe assez long",
    });
    expect(created).toMatchObject({
      email: "referent.sport@sports.gouv.example",
      role: "sponsor",
      active: true,
      hasPassword: true,
    });
    expect(created.scope).toEqual([
      { kind: "laureat", value: "insep-catalyser" },
      { kind: "ministere", value: "education-sports" },
    ]);
    expect((await admin.users.list()).map((user) => user.email)).toContain(
      "referent.sport@sports.gouv.example",
    );
  });

  it("refuses a duplicate email, a scope naming nothing, and a sponsor without scope", async () => {
    await expect(
      admin.users.create({
        email: DEMO_EMAILS.officer,
        displayName: "Doublon",
        role: "charge_mission",
        scope: [],
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "Un compte existe déjà pour cette adresse." });
    await expect(
      admin.users.create({
        email: "x@ditp.example",
        displayName: "Périmètre vide",
        role: "sponsor",
        scope: [{ kind: "laureat", value: "n-existe-pas" }],
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Périmètre : le lauréat « n-existe-pas » n'existe pas.",
    });
    await expect(
      admin.users.create({
        email: "y@ditp.example",
        displayName: "Sans périmètre",
        role: "sponsor",
        scope: [],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(
      await database.db.select().from(schema.users).where(eq(schema.users.email, "x@ditp.example")),
    ).toEqual([]);
  });

  it("keeps at least one active administrator, and an administrator's own account", async () => {
    const adminId = await idOf(DEMO_EMAILS.admin);
    await expect(admin.users.deactivate({ userId: adminId })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Vous ne pouvez pas désactiver votre propre compte.",
    });
    await expect(
      admin.users.update({
        userId: adminId,
        displayName: "Alex Martin (démo)",
        role: "charge_mission",
        scope: [],
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Il doit rester au moins un administrateur actif.",
    });
    // With a second administrator, the first may step down.
    const second = await admin.users.create({
      email: "admin2@ditp.example",
      displayName: "Admin 2",
      role: "administrateur",
      scope: [],
    });
    await admin.users.update({
      userId: adminId,
      displayName: "Alex Martin (démo)",
      role: "charge_mission",
      scope: [],
    });
    const other = await callerAs(database, "admin2@ditp.example");
    await other.users.update({
      userId: adminId,
      displayName: "Alex Martin (démo)",
      role: "administrateur",
      scope: [],
    });
    await expect(other.users.deactivate({ userId: second.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("records only what changed in the audit event of an update", async () => {
    const userId = await idOf(DEMO_EMAILS.leadership);
    await admin.users.update({ userId, displayName: "Claude Moreau", role: "direction", scope: [] });
    const events = await database.db
      .select({ before: schema.auditEvents.before, after: schema.auditEvents.after })
      .from(schema.auditEvents)
      .where(eq(schema.auditEvents.action, "utilisateur.modification"));
    expect(events.at(-1)).toEqual({
      before: { nom: "Claude Moreau (démo)" },
      after: { nom: "Claude Moreau" },
    });
  });

  it("never writes a password hash to the audit trail", async () => {
    const userId = await idOf(DEMO_EMAILS.sponsorSante);
    await admin.users.update({
      userId,
      displayName: "Sacha Petit (démo)",
      role: "sponsor",
      scope: [{ kind: "ministere", value: "solidarites-sante" }],
      password: "un nouveau mot de passe solide",
    });
    const rows = await database.db.select({ after: schema.auditEvents.after }).from(schema.auditEvents);
    expect(JSON.stringify(rows)).not.toContain("$argon2id");
    expect(JSON.stringify(rows)).not.toContain("un nouveau mot de passe solide");
    expect(rows.at(-1)?.after).toEqual({ motDePasse: "modifié" });
  });
});
