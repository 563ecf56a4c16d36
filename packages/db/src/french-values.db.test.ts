import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "./database.js";
import {
  allocationMovements,
  auditEvents,
  mailOutbox,
  reusableAssets,
  userScopes,
  users,
} from "./schema/index.js";
import { databaseMigratedOver } from "./testing.js";

const REWRITE = "0009_french_stored_values";

/** Rows as the English-speaking application wrote them before the rewrite. */
const OLD_ROWS = `
  insert into programme (slug, name, steered_by, funded_by, envelope_cents, applications_open_on,
    applications_close_on, laureates_announced_on, status, source_title, source_published_on, source_publisher)
  values ('p', 'Programme', 'DITP', 'France Relance', 100000, '2021-01-01', '2021-02-01', '2021-03-01',
    'delibere', 'Source', '2021-03-01', 'DITP');
  insert into laureate (programme_id, slug, title, porteur, ministry, category, territory_scope, summary,
    funding_mode, position)
  values (1, 'l', 'Lauréat', 'Porteur', 'interieur', 'numerique', 'national', 'Résumé', 'subvention', 1);
  insert into app_user (email, display_name, role) values
    ('a@x.fr', 'A', 'admin'), ('o@x.fr', 'O', 'officer'), ('s@x.fr', 'S', 'sponsor'), ('d@x.fr', 'D', 'leadership');
  insert into user_scope (user_id, kind, value) values (3, 'laureate', 'l'), (3, 'ministry', 'interieur'),
    (3, 'porteur', 'Porteur');
  insert into allocation_movement (programme_id, laureate_id, kind, delta_cents, amount_after_cents, reason)
  values (1, 1, 'attribution', 100, 100, 'Attribution'), (1, 1, 'reallocation', -50, 50, 'Réaffectation');
  insert into reusable_asset (laureate_id, kind, label, url) values (1, 'contract', 'Convention', 'https://x.fr');
  insert into mail_outbox (kind, recipient_email, subject, body, occurrence) values
    ('digest_sponsor', 's@x.fr', 'Rappel', 'Corps', 'rappels:2026-11-23'),
    ('alerte_chargee', 'o@x.fr', 'Alerte', 'Corps', 'rappels:2026-11-23');
  insert into audit_event (actor_user_id, actor_role, action, entity, entity_id, before, after) values
    (1, 'admin', 'utilisateur.modification', 'utilisateur', '2', '{"role": "officer", "nom": "O"}',
      '{"role": "leadership", "nom": "O"}'),
    (2, 'officer', 'suivi.mise-a-jour', 'suivi', 'l:2026-10',
      '{"météo": null, "jalons": {"7": {"title": "Pilote", "dueOn": "2026-01-01", "status": "en_cours"}}}',
      '{"météo": {"période": "2026-10", "météo": "Soleil", "synthèse": "Bien"},
        "jalons": {"7": {"title": "Pilote", "dueOn": "2026-01-01", "status": "atteint"}}, "commentaires": []}'),
    (2, 'officer', 'echeancier.planification', 'echeancier', 'l', null,
      '{"tranches": [{"kind": "avance", "plannedAmountCents": 100, "plannedOn": "2026-01-01"}]}'),
    (2, 'officer', 'financement.modification', 'financement', 'l', '{}',
      '{"ejNumber": "2100000001", "conventionDate": "2026-01-01", "paymentConditions": "unique", "siret": null}'),
    (2, 'officer', 'laureat.modification', 'laureat', 'l', '{"ministry": "aucun", "partnerLabs": []}',
      '{"ministry": "interieur", "partnerLabs": ["Lab"]}'),
    (2, 'officer', 'ressource.enregistrement', 'ressource', '1', '{}', '{"type": "contract", "libelle": "Convention"}'),
    (2, 'officer', 'revue.ouverture', 'revue', '1', null, '{"asOf": "2026-11-30", "title": "COPIL"}'),
    (2, 'officer', 'allocation.modification', 'allocation', 'l', '{"montantCentimes": 0}',
      '{"montantCentimes": 100, "motif": "Attribution"}');
`;

describe(`migration ${REWRITE}`, () => {
  let handle: DatabaseHandle;
  let cleanup = () => Promise.resolve();
  beforeAll(async () => {
    ({ handle, close: cleanup } = await databaseMigratedOver(REWRITE, OLD_ROWS));
  });
  afterAll(() => cleanup());

  it("rewrites the roles, scope kinds, movement, asset and mail kinds in French", async () => {
    expect(await handle.db.select({ role: users.role }).from(users).orderBy(users.id)).toEqual([
      { role: "administrateur" },
      { role: "charge_mission" },
      { role: "sponsor" },
      { role: "direction" },
    ]);
    expect(await handle.db.select({ kind: userScopes.kind }).from(userScopes).orderBy(userScopes.id)).toEqual(
      [{ kind: "laureat" }, { kind: "ministere" }, { kind: "porteur" }],
    );
    expect(
      await handle.db
        .select({ kind: allocationMovements.kind })
        .from(allocationMovements)
        .orderBy(allocationMovements.id),
    ).toEqual([{ kind: "attribution" }, { kind: "reaffectation" }]);
    expect(await handle.db.select({ kind: reusableAssets.kind }).from(reusableAssets)).toEqual([
      { kind: "contrat" },
    ]);
    expect(await handle.db.select({ kind: mailOutbox.kind }).from(mailOutbox).orderBy(mailOutbox.id)).toEqual(
      [{ kind: "rappel_sponsor" }, { kind: "alerte_chargee" }],
    );
  });

  it("rewrites the audit trail's roles, values and payload keys, at every depth", async () => {
    const events = await handle.db
      .select({ actorRole: auditEvents.actorRole, before: auditEvents.before, after: auditEvents.after })
      .from(auditEvents)
      .orderBy(auditEvents.id);
    expect(events.map((event) => event.actorRole)).toEqual([
      "administrateur",
      ...Array<string>(7).fill("charge_mission"),
    ]);
    expect(events.map(({ before, after }) => ({ before, after }))).toEqual([
      { before: { role: "charge_mission", nom: "O" }, after: { role: "direction", nom: "O" } },
      {
        before: {
          meteo: null,
          jalons: { "7": { titre: "Pilote", echeance: "2026-01-01", statut: "en_cours" } },
        },
        after: {
          meteo: { periode: "2026-10", meteo: "Soleil", synthese: "Bien" },
          jalons: { "7": { titre: "Pilote", echeance: "2026-01-01", statut: "atteint" } },
          commentaires: [],
        },
      },
      {
        before: null,
        after: { tranches: [{ type: "avance", montantCentimes: 100, datePrevue: "2026-01-01" }] },
      },
      {
        before: {},
        after: {
          numeroEj: "2100000001",
          dateConvention: "2026-01-01",
          conditionsVersement: "unique",
          siret: null,
        },
      },
      {
        before: { ministere: "aucun", laboratoiresPartenaires: [] },
        after: { ministere: "interieur", laboratoiresPartenaires: ["Lab"] },
      },
      { before: {}, after: { type: "contrat", libelle: "Convention" } },
      { before: null, after: { arreteAu: "2026-11-30", titre: "COPIL" } },
      { before: { montantCentimes: 0 }, after: { montantCentimes: 100, motif: "Attribution" } },
    ]);
  });

  it("keeps the audit trail append-only, refuses the old values, and leaves no helper behind", async () => {
    await expect(handle.db.execute(sql.raw("update audit_event set entity_id = 'x'"))).rejects.toThrow();
    await expect(
      handle.db.execute(
        sql.raw("insert into app_user (email, display_name, role) values ('z@x.fr', 'Z', 'admin')"),
      ),
    ).rejects.toThrow();
    await expect(handle.db.execute(sql.raw("select defis_french_role('admin')"))).rejects.toThrow();
  });
});
