import type { Executor } from "@defis/db";
import { Refusal, COMMENT_KINDS, type GuidedUpdateInput } from "@defis/domain";
import { recordAudit, type Actor } from "../audit/record-audit.js";
import { writeMeasures } from "../impact/measure-commands.js";
import { laureateIdOf } from "../laureates/laureate-ids.js";
import { insertComment } from "./comment-commands.js";
import { applyMilestoneChange, milestoneAuditFacts } from "./milestone-commands.js";
import { applyWeather } from "./weather-commands.js";

/**
 * The sponsor's update of a laureate: météo of the period, where each
 * milestone stands, new comments, measures of its indicators (written as
 * `impact.recordMeasure` writes them). One transaction, one audit event: saved
 * whole or refused whole, and it marks milestones and météo as fresh even when
 * the sponsor only confirmed them.
 */
export async function submitGuidedUpdate(
  db: Executor,
  actor: Actor,
  input: GuidedUpdateInput,
  today: string,
) {
  const laureateId = await laureateIdOf(db, input.laureateSlug);
  const ids = input.milestones.map((milestone) => milestone.milestoneId);
  if (new Set(ids).size !== ids.length) {
    throw new Refusal("Un même jalon apparaît deux fois dans la mise à jour.", "invalid");
  }
  const weather = await applyWeather(db, laureateId, input.weather, actor.userId, today);
  const milestoneChanges: Record<string, unknown> = {};
  const milestonesBefore: Record<string, unknown> = {};
  for (const milestone of input.milestones) {
    const { before, after } = await applyMilestoneChange(db, laureateId, milestone, actor.userId);
    milestonesBefore[String(milestone.milestoneId)] = milestoneAuditFacts(before);
    milestoneChanges[String(milestone.milestoneId)] = milestoneAuditFacts(after);
  }
  const commentIds: number[] = [];
  for (const comment of input.comments) {
    commentIds.push(await insertComment(db, laureateId, comment, actor.userId));
  }
  const measures = await writeMeasures(db, actor, laureateId, input.measures, today);
  await recordAudit(db, actor, {
    action: "suivi.mise-a-jour",
    entityId: `${input.laureateSlug}:${input.weather.period}`,
    laureateId,
    before: { meteo: weather.before, jalons: milestonesBefore },
    after: {
      meteo: weather.after,
      jalons: milestoneChanges,
      commentaires: input.comments.map((comment) => `${COMMENT_KINDS[comment.kind]} : ${comment.body}`),
      ...(measures.length > 0 ? { mesures: measures.map((measure) => measure.facts) } : {}),
    },
  });
  return {
    period: input.weather.period,
    commentIds,
    measureIds: measures.map((measure) => measure.measureId),
  };
}
