import { schema, type DatabaseHandle } from "@defis/db";
import type { DefineIndicatorInput } from "@defis/domain";
import { count, eq } from "drizzle-orm";

/** In the santé sponsor's scope; the other one is not. */
export const IN_SCOPE = "chu-toulouse-parkinson";
export const OUT_OF_SCOPE = "dggn-lab-innovation";

/** A valid definition of an indicator of `laureateSlug`, with what a test changes. */
export function anIndicator(
  laureateSlug: string,
  name: string,
  changes: Partial<DefineIndicatorInput> = {},
): DefineIndicatorInput {
  return {
    laureateSlug,
    name,
    unit: "nombre",
    unitLabel: "",
    subject: "usagers",
    direction: "hausse",
    baselineValue: 100,
    baselineOn: "2024-01-01",
    targetValue: 1_000,
    targetOn: "2027-12-31",
    yearlyTargets: [
      { year: 2025, value: 400 },
      { year: 2026, value: 700 },
    ],
    periodicity: "trimestrielle",
    source: "Tableau de bord du projet",
    method: "Dossiers déposés en ligne",
    commonIndicatorId: null,
    weight: 1,
    ...changes,
  };
}

export async function laureateIdOfSlug(database: DatabaseHandle, slug: string): Promise<number> {
  const [row] = await database.db
    .select({ id: schema.laureates.id })
    .from(schema.laureates)
    .where(eq(schema.laureates.slug, slug));
  if (!row) throw new Error(`Lauréat absent : ${slug}`);
  return row.id;
}

/** A followed indicator written straight into the table, for tests that measure it. */
export async function aFollowedIndicator(
  database: DatabaseHandle,
  slug: string,
  name: string,
  status: "suivi" | "propose" = "suivi",
): Promise<{ id: number; version: number }> {
  const { laureateSlug: _slug, yearlyTargets: _targets, ...definition } = anIndicator(slug, name);
  const [row] = await database.db
    .insert(schema.indicators)
    .values({
      laureateId: await laureateIdOfSlug(database, slug),
      ...definition,
      status,
      decidedAt: status === "suivi" ? new Date() : null,
    })
    .returning({ id: schema.indicators.id, version: schema.indicators.version });
  if (!row) throw new Error("Indicateur de test non écrit");
  return row;
}

export async function auditCount(database: DatabaseHandle): Promise<number> {
  const [row] = await database.db.select({ total: count() }).from(schema.auditEvents);
  return row?.total ?? 0;
}
