import { schema } from "@defis/db";
import type { TestDatabaseHandle } from "@defis/db/testing";
import { describeAuditChanges, type SessionUser } from "@defis/domain";
import { asc, desc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parisDay } from "../paris-day.js";
import { callerFor, createTestDatabase, DEMO_EMAILS, sessionUserOf } from "../testing/test-app.js";
import { aFollowedIndicator, auditCount, IN_SCOPE, laureateIdOfSlug } from "./impact-fixtures.js";

const { auditEvents, comments, indicatorMeasures, weatherReports } = schema;
const PERIOD = parisDay().slice(0, 7);

describe("the guided update saves the measures of due indicators with the rest", () => {
  let database: TestDatabaseHandle;
  let sponsor: SessionUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    sponsor = await sessionUserOf(database, DEMO_EMAILS.sponsorSante);
  });
  afterAll(() => database.close());

  async function weatherOfPeriod() {
    const [report] = await database.db
      .select()
      .from(weatherReports)
      .where(eq(weatherReports.laureateId, await laureateIdOfSlug(database, IN_SCOPE)))
      .orderBy(desc(weatherReports.period))
      .limit(1);
    return report?.period === PERIOD ? report : undefined;
  }

  const update = (version: number, synthesis: string, measures: unknown[]) => ({
    laureateSlug: IN_SCOPE,
    weather: { period: PERIOD, level: "nuage" as const, synthesis, version },
    milestones: [],
    comments: [{ kind: "reussites" as const, body: synthesis }],
    measures: measures as {
      indicatorId: number;
      measuredOn: string;
      value: number;
      source: string;
      comment: string;
    }[],
  });

  it("writes météo, comments and measures together, with one audit event that names the measures", async () => {
    const first = await aFollowedIndicator(database, IN_SCOPE, "Usagers reçus");
    const second = await aFollowedIndicator(database, IN_SCOPE, "Délai d'attente");
    const before = await auditCount(database);
    const { measureIds } = await callerFor(database, sponsor).progress.submitUpdate(
      update((await weatherOfPeriod())?.version ?? 0, "Mise à jour avec mesures", [
        { indicatorId: first.id, measuredOn: "2025-09-30", value: 42, source: "", comment: "" },
        { indicatorId: second.id, measuredOn: "2025-09-30", value: 12.25, source: "Relevé", comment: "" },
      ]),
    );
    expect(measureIds).toHaveLength(2);
    expect(await auditCount(database)).toBe(before + 1);
    // The demonstration's measures are there too: read those of the two indicators.
    const stored = await database.db
      .select()
      .from(indicatorMeasures)
      .where(inArray(indicatorMeasures.indicatorId, [first.id, second.id]))
      .orderBy(asc(indicatorMeasures.id));
    expect(stored.map((row) => [row.indicatorId, row.value, row.createdBy])).toEqual([
      [first.id, 42, sponsor.id],
      [second.id, 12.25, sponsor.id],
    ]);
    const [event] = await database.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    expect(event?.action).toBe("suivi.mise-a-jour");
    const lines = describeAuditChanges(event?.action ?? "", event?.before ?? null, event?.after ?? null);
    expect(lines.filter((line) => !line.labelled)).toEqual([]);
    expect(lines.find((line) => line.field === "Mesures")?.after).toBe(
      "Indicateur : Usagers reçus, Date de la mesure : 30/09/2025, Valeur : 42 ; " +
        "Indicateur : Délai d'attente, Date de la mesure : 30/09/2025, Valeur : 12,25, Source : Relevé",
    );
  });

  it("keeps working without measures", async () => {
    const {
      laureateSlug,
      weather,
      milestones,
      comments: newComments,
    } = update((await weatherOfPeriod())?.version ?? 0, "Mise à jour sans mesures", []);
    await expect(
      callerFor(database, sponsor).progress.submitUpdate({
        laureateSlug,
        weather,
        milestones,
        comments: newComments,
      }),
    ).resolves.toMatchObject({ measureIds: [] });
  });

  it("writes nothing, not even the météo, when one measure is refused", async () => {
    const followed = await aFollowedIndicator(database, IN_SCOPE, "Agents équipés");
    const proposed = await aFollowedIndicator(database, IN_SCOPE, "Proposition", "propose");
    const weather = await weatherOfPeriod();
    const snapshot = async () => ({
      audit: await auditCount(database),
      weather: await weatherOfPeriod(),
      comments: await database.db.select().from(comments),
      measures: await database.db.select().from(indicatorMeasures),
      freshness: await database.db.select().from(schema.freshness),
    });
    const before = await snapshot();
    const good = { indicatorId: followed.id, measuredOn: "2025-10-31", value: 7, source: "", comment: "" };
    const caller = callerFor(database, sponsor);
    for (const [bad, refusal] of [
      [{ ...good, indicatorId: proposed.id }, { code: "PRECONDITION_FAILED" }],
      [{ ...good, indicatorId: 999_999 }, { code: "NOT_FOUND" }],
      [
        { ...good, indicatorId: (await aFollowedIndicator(database, IN_SCOPE, "Déjà mesuré")).id },
        { code: "CONFLICT", message: "Une mesure existe déjà à cette date : corrigez-la." },
      ],
    ] as const) {
      if (refusal.code === "CONFLICT") {
        await caller.impact.recordMeasure({ laureateSlug: IN_SCOPE, ...bad });
        before.audit += 1;
        before.measures = await database.db.select().from(indicatorMeasures);
      }
      await expect(
        caller.progress.submitUpdate(
          update(weather?.version ?? 0, "Ne doit pas être enregistrée", [good, bad]),
        ),
      ).rejects.toMatchObject(refusal);
      expect(await snapshot()).toEqual(before);
    }
    expect(before.weather?.synthesis).toBe("Mise à jour sans mesures");
  });
});
