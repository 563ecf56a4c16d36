import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "./database.js";
import { auditEvents } from "./schema/index.js";
import { databaseMigratedOver } from "./testing.js";

const MIGRATION = "0010_audit_system_author";

/** Events written before the column existed: a person's, and the application's own, without an author. */
const OLD_EVENTS = `
  insert into app_user (email, display_name, role) values ('o@x.fr', 'O', 'charge_mission');
  insert into audit_event (actor_user_id, actor_role, action, entity, entity_id, after) values
    (1, 'charge_mission', 'session.connexion', 'utilisateur', '1', '{"methode": "mot de passe"}'),
    (null, null, 'rappels.envoi', 'rappels', 'rappels:2026-11-30', '{"rappelsSponsors": 2}'),
    (null, null, 'revue.ouverture', 'revue', '1', '{"titre": "Revue de portefeuille (démonstration)"}'),
    (null, null, 'import.paiements', 'import', 'abc', '{"lignes": 2}'),
    (null, null, 'tranche.statut', 'tranche', '4', '{"statut": "paye"}')
`;

describe(`migration ${MIGRATION}`, () => {
  let handle: DatabaseHandle;
  let cleanup = () => Promise.resolve();
  beforeAll(async () => {
    ({ handle, close: cleanup } = await databaseMigratedOver(MIGRATION, OLD_EVENTS));
  });
  afterAll(() => cleanup());

  it("names the author of every event no person wrote, from its action", async () => {
    const events = await handle.db
      .select({ action: auditEvents.action, systemAuthor: auditEvents.systemAuthor })
      .from(auditEvents)
      .orderBy(auditEvents.id);
    expect(events).toEqual([
      { action: "session.connexion", systemAuthor: null },
      { action: "rappels.envoi", systemAuthor: "rappels" },
      { action: "revue.ouverture", systemAuthor: "demonstration" },
      { action: "import.paiements", systemAuthor: "import" },
      { action: "tranche.statut", systemAuthor: "systeme" },
    ]);
  });

  it("refuses from now on an event without an author, or with an unknown one, and stays append-only", async () => {
    const insert = (values: string) =>
      handle.db.execute(
        sql.raw(
          `insert into audit_event (actor_user_id, system_author, action, entity, entity_id) values ${values}`,
        ),
      );
    await expect(insert("(null, null, 'rappels.envoi', 'rappels', 'x')")).rejects.toThrow();
    await expect(insert("(null, 'robot', 'rappels.envoi', 'rappels', 'x')")).rejects.toThrow();
    await insert("(null, 'rappels', 'rappels.envoi', 'rappels', 'x')");
    await expect(
      handle.db.execute(sql.raw("update audit_event set system_author = 'import'")),
    ).rejects.toThrow();
  });
});
