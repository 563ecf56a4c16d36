import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import { Refusal, staleVersion, periodOf, WEATHER_LEVELS, type DeclareWeatherInput } from "@defis/domain";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit, type Actor } from "../audit/record-audit.js";
import { laureateIdOf } from "../laureates/laureate-ids.js";

const { weatherReports } = schema;

type WeatherFields = Omit<DeclareWeatherInput, "laureateSlug">;
type WeatherFacts = { periode: string; meteo: string; synthese: string } | null;

function weatherFacts(report: { period: string; level: keyof typeof WEATHER_LEVELS; synthesis: string }) {
  return { periode: report.period, meteo: WEATHER_LEVELS[report.level], synthese: report.synthesis };
}

/**
 * Declares the météo of a period (version 0) or revises it (the version
 * read); a period still to come cannot be reported on.
 */
export async function applyWeather(
  db: Executor,
  laureateId: number,
  fields: WeatherFields,
  userId: number | null,
  today: string,
): Promise<{ before: WeatherFacts; after: WeatherFacts }> {
  if (fields.period > periodOf(today)) {
    throw new Refusal("La météo se déclare pour le mois en cours ou un mois passé.", "invalid");
  }
  const [current] = await db
    .select()
    .from(weatherReports)
    .where(and(eq(weatherReports.laureateId, laureateId), eq(weatherReports.period, fields.period)))
    .for("update");
  const { version, ...values } = fields;
  const written =
    current === undefined
      ? version === 0
        ? await db
            .insert(weatherReports)
            .values({ laureateId, ...values, updatedBy: userId })
            .onConflictDoNothing()
            .returning()
        : []
      : await db
          .update(weatherReports)
          .set({
            ...values,
            version: sql`${weatherReports.version} + 1`,
            updatedAt: sql`now()`,
            updatedBy: userId,
          })
          .where(and(eq(weatherReports.id, current.id), eq(weatherReports.version, version)))
          .returning();
  const [after] = written;
  if (!after) {
    // Someone declared this period first, or revised it since it was read.
    const [now] = await db
      .select()
      .from(weatherReports)
      .where(and(eq(weatherReports.laureateId, laureateId), eq(weatherReports.period, fields.period)));
    staleVersion(
      now
        ? { version: now.version, period: now.period, level: now.level, synthesis: now.synthesis }
        : { version: 0 },
      "La météo de cette période a été déclarée ou modifiée entre-temps. Sa valeur actuelle est affichée : vérifiez-la puis réappliquez vos changements.",
    );
  }
  return { before: current ? weatherFacts(current) : null, after: weatherFacts(after) };
}

export async function declareWeather(db: Executor, actor: Actor, input: DeclareWeatherInput, today: string) {
  const { laureateSlug, ...fields } = input;
  const laureateId = await laureateIdOf(db, laureateSlug);
  const { before, after } = await applyWeather(db, laureateId, fields, actor.userId, today);
  await recordAudit(db, actor, {
    action: before ? "meteo.modification" : "meteo.declaration",
    entityId: `${laureateSlug}:${input.period}`,
    laureateId,
    before,
    after,
  });
  return { period: input.period };
}
