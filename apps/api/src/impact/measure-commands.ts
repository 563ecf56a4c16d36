import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import {
  formatShortDate,
  NotFound,
  Refusal,
  staleVersion,
  type CorrectMeasureInput,
  type RecordMeasureInput,
} from "@defis/domain";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit, type Actor } from "../audit/record-audit.js";
import { laureateIdOf } from "../laureates/laureate-ids.js";

const { indicators, indicatorMeasures } = schema;

/** A new measure of one of the laureate's indicators. */
export type NewMeasure = Omit<RecordMeasureInput, "laureateSlug">;

type MeasureFacts = Pick<
  typeof indicatorMeasures.$inferSelect,
  "measuredOn" | "value" | "source" | "comment"
>;

/** A measure as the audit trail names its fields. */
function measureAuditFacts(indicatorName: string, measure: MeasureFacts) {
  return {
    indicateur: indicatorName,
    date: measure.measuredOn,
    valeur: measure.value,
    source: measure.source,
    commentaire: measure.comment,
  };
}

/** The followed indicator a measure is for, held against a concurrent change of its status or baseline. */
async function followedIndicator(db: Executor, laureateId: number, indicatorId: number) {
  const [indicator] = await db
    .select({
      name: indicators.name,
      status: indicators.status,
      baselineOn: indicators.baselineOn,
    })
    .from(indicators)
    .where(and(eq(indicators.id, indicatorId), eq(indicators.laureateId, laureateId)))
    .for("share");
  if (!indicator) throw new NotFound("Cet indicateur n'existe pas ou plus pour ce lauréat.");
  if (indicator.status !== "suivi") {
    throw new Refusal(
      `L'indicateur « ${indicator.name} » n'est pas suivi : il ne reçoit pas de mesure.`,
      "precondition",
    );
  }
  return indicator;
}

/**
 * Writes measures of a laureate's followed indicators, in the caller's
 * transaction: dated at the latest today (a Paris day), not before the
 * indicator's baseline, one per indicator and day. The first refused measure
 * refuses them all. Shared by `impact.recordMeasure` and the guided update;
 * returns what the audit trail says of each.
 */
export async function writeMeasures(
  db: Executor,
  actor: Actor,
  laureateId: number,
  measures: readonly NewMeasure[],
  today: string,
) {
  const written: { measureId: number; facts: ReturnType<typeof measureAuditFacts> }[] = [];
  for (const measure of measures) {
    const indicator = await followedIndicator(db, laureateId, measure.indicatorId);
    if (measure.measuredOn > today) {
      throw new Refusal(
        `« ${indicator.name} » : une mesure se date au plus tard d'aujourd'hui, pas du ${formatShortDate(measure.measuredOn)}.`,
        "invalid",
      );
    }
    if (measure.measuredOn < indicator.baselineOn) {
      throw new Refusal(
        `« ${indicator.name} » : une mesure ne peut précéder la valeur initiale, datée du ${formatShortDate(indicator.baselineOn)}.`,
        "invalid",
      );
    }
    const [created] = await db
      .insert(indicatorMeasures)
      .values({ laureateId, ...measure, createdBy: actor.userId, updatedBy: actor.userId })
      .onConflictDoNothing()
      .returning();
    if (!created) throw new Refusal("Une mesure existe déjà à cette date : corrigez-la.", "conflict");
    written.push({ measureId: created.id, facts: measureAuditFacts(indicator.name, created) });
  }
  return written;
}

/** A sponsor (in scope) or an officer enters a measure of a followed indicator. */
export async function recordMeasure(db: Executor, actor: Actor, input: RecordMeasureInput, today: string) {
  const { laureateSlug, ...measure } = input;
  const laureateId = await laureateIdOf(db, laureateSlug);
  const [written] = await writeMeasures(db, actor, laureateId, [measure], today);
  if (!written) throw new Error("La mesure n'a pas été enregistrée.");
  await recordAudit(db, actor, {
    action: "mesure.saisie",
    entityId: written.measureId,
    laureateId,
    after: written.facts,
  });
  return { measureId: written.measureId };
}

/**
 * Corrects a measure on the version read; the value it had stays in its
 * history (indicator_measure_version, kept by a trigger), so that a past
 * day still reads what was known then.
 */
export async function correctMeasure(db: Executor, actor: Actor, input: CorrectMeasureInput) {
  const laureateId = await laureateIdOf(db, input.laureateSlug);
  const [row] = await db
    .select({ measure: indicatorMeasures, indicatorName: indicators.name })
    .from(indicatorMeasures)
    .innerJoin(indicators, eq(indicators.id, indicatorMeasures.indicatorId))
    .where(and(eq(indicatorMeasures.id, input.measureId), eq(indicatorMeasures.laureateId, laureateId)))
    .for("update", { of: indicatorMeasures });
  if (!row) throw new NotFound("Cette mesure n'existe pas ou plus pour ce lauréat.");
  const { measure, indicatorName } = row;
  if (measure.version !== input.version) {
    staleVersion(
      {
        id: measure.id,
        version: measure.version,
        indicatorId: measure.indicatorId,
        measuredOn: measure.measuredOn,
        value: measure.value,
        source: measure.source,
        comment: measure.comment,
      },
      `La mesure du ${formatShortDate(measure.measuredOn)} de « ${indicatorName} » a été corrigée entre-temps. Sa valeur actuelle est affichée : vérifiez-la puis réappliquez votre correction.`,
    );
  }
  const [corrected] = await db
    .update(indicatorMeasures)
    .set({
      value: input.value,
      source: input.source,
      comment: input.comment,
      version: sql`${indicatorMeasures.version} + 1`,
      updatedAt: sql`now()`,
      updatedBy: actor.userId,
    })
    .where(eq(indicatorMeasures.id, measure.id))
    .returning();
  if (!corrected) throw new Error("La mesure corrigée est introuvable.");
  await recordAudit(db, actor, {
    action: "mesure.correction",
    entityId: measure.id,
    laureateId,
    before: measureAuditFacts(indicatorName, measure),
    after: measureAuditFacts(indicatorName, corrected),
  });
  return { measureId: measure.id };
}
