import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import {
  NotFound,
  Refusal,
  staleVersion,
  closureKitGaps,
  replicationIndex,
  type CloseLaureateInput,
  type CriterionScores,
  type RemoveAssetInput,
  type SaveAssetInput,
  type ScoreLaureateInput,
} from "@defis/domain";
import { and, desc, eq, sql } from "drizzle-orm";
import { recordAudit, type Actor } from "../audit/record-audit.js";
import { laureateIdOf } from "../laureates/laureate-ids.js";

const { laureateClosures, laureates, replicationScorecards, reusableAssets } = schema;

/**
 * The laureate's row, locked for the rest of the transaction: scorings, kit
 * changes and the closure of one laureate then happen one after another, on
 * PostgreSQL as on PGlite.
 */
export async function lockLaureate(db: Executor, slug: string): Promise<number> {
  const laureateId = await laureateIdOf(db, slug);
  await db.select({ id: laureates.id }).from(laureates).where(eq(laureates.id, laureateId)).for("update");
  return laureateId;
}

/**
 * Adds a scorecard, if the latest one is still the one the officer read: the
 * previous scorecards stay as the history.
 */
export async function scoreLaureate(db: Executor, actor: Actor, input: ScoreLaureateInput) {
  const laureateId = await lockLaureate(db, input.laureateSlug);
  const [latest] = await db
    .select({
      id: replicationScorecards.id,
      potentialIndex: replicationScorecards.potentialIndex,
      scoredAt: replicationScorecards.scoredAt,
    })
    .from(replicationScorecards)
    .where(eq(replicationScorecards.laureateId, laureateId))
    .orderBy(desc(replicationScorecards.scoredAt), desc(replicationScorecards.id))
    .limit(1);
  if ((latest?.id ?? null) !== input.basedOnScorecardId) {
    staleVersion({ scorecardId: latest?.id ?? null, index: latest?.potentialIndex ?? null });
  }
  const { criteria } = input;
  const scores: CriterionScores = {
    maturity: criteria.maturity.score,
    evidence: criteria.evidence.score,
    transferability: criteria.transferability.score,
    cost: criteria.cost.score,
    prerequisites: criteria.prerequisites.score,
    openness: criteria.openness.score,
  };
  const index = replicationIndex(scores);
  const [created] = await db
    .insert(replicationScorecards)
    .values({
      laureateId,
      maturityScore: criteria.maturity.score,
      maturityJustification: criteria.maturity.justification,
      evidenceScore: criteria.evidence.score,
      evidenceJustification: criteria.evidence.justification,
      transferabilityScore: criteria.transferability.score,
      transferabilityJustification: criteria.transferability.justification,
      costScore: criteria.cost.score,
      costJustification: criteria.cost.justification,
      prerequisitesScore: criteria.prerequisites.score,
      prerequisitesJustification: criteria.prerequisites.justification,
      opennessScore: criteria.openness.score,
      opennessJustification: criteria.openness.justification,
      potentialIndex: index,
      sponsorName: input.sponsorName,
      scoredBy: actor.userId,
    })
    .returning({ id: replicationScorecards.id });
  if (!created) throw new Error("La grille enregistrée est introuvable.");
  await recordAudit(db, actor, {
    action: "essaimage.notation",
    entityId: created.id,
    laureateId,
    before: latest ? { indice: latest.potentialIndex } : {},
    after: { indice: index, notes: scores, sponsor: input.sponsorName },
  });
  return { scorecardId: created.id, index };
}

function assetFacts(asset: { kind: string; label: string; url: string | null; contactEmail: string | null }) {
  return { type: asset.kind, libelle: asset.label, adresse: asset.url, courriel: asset.contactEmail };
}

/** Creates an asset (version 0) or updates it on the version read. */
export async function saveAsset(db: Executor, actor: Actor, input: SaveAssetInput) {
  const laureateId = await lockLaureate(db, input.laureateSlug);
  const facts = {
    kind: input.kind,
    label: input.label,
    url: input.kind === "contact" ? null : input.url,
    contactEmail: input.kind === "contact" ? input.contactEmail : null,
  };
  if (input.assetId === null) {
    if (input.version !== 0) staleVersion({ version: 0 });
    const [created] = await db
      .insert(reusableAssets)
      .values({ laureateId, ...facts })
      .returning({ id: reusableAssets.id, version: reusableAssets.version });
    if (!created) throw new Error("La ressource enregistrée est introuvable.");
    await recordAudit(db, actor, {
      action: "ressource.enregistrement",
      entityId: created.id,
      laureateId,
      before: {},
      after: assetFacts(facts),
    });
    return { assetId: created.id, version: created.version };
  }
  const before = await assetOf(db, laureateId, input.assetId);
  if (before.version !== input.version) staleVersion({ ...before });
  const [updated] = await db
    .update(reusableAssets)
    .set({ ...facts, version: sql`${reusableAssets.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(reusableAssets.id, input.assetId), eq(reusableAssets.version, input.version)))
    .returning({ id: reusableAssets.id, version: reusableAssets.version });
  if (!updated) staleVersion({ ...before });
  await recordAudit(db, actor, {
    action: "ressource.enregistrement",
    entityId: updated.id,
    laureateId,
    before: assetFacts(before),
    after: assetFacts(facts),
  });
  return { assetId: updated.id, version: updated.version };
}

async function assetOf(db: Executor, laureateId: number, assetId: number) {
  const [asset] = await db
    .select({
      id: reusableAssets.id,
      kind: reusableAssets.kind,
      label: reusableAssets.label,
      url: reusableAssets.url,
      contactEmail: reusableAssets.contactEmail,
      version: reusableAssets.version,
    })
    .from(reusableAssets)
    .where(and(eq(reusableAssets.id, assetId), eq(reusableAssets.laureateId, laureateId)));
  if (!asset) throw new NotFound("Cette ressource n'existe pas ou plus.");
  return asset;
}

/** Removes an asset, unless the laureate is closed and its kit would then be incomplete. */
export async function removeAsset(db: Executor, actor: Actor, input: RemoveAssetInput) {
  const laureateId = await lockLaureate(db, input.laureateSlug);
  const asset = await assetOf(db, laureateId, input.assetId);
  if (asset.version !== input.version) staleVersion({ ...asset });
  const [closure] = await db
    .select({ lessonsLearned: laureateClosures.lessonsLearned })
    .from(laureateClosures)
    .where(eq(laureateClosures.laureateId, laureateId));
  if (closure) {
    const remaining = (
      await db
        .select({ id: reusableAssets.id, kind: reusableAssets.kind })
        .from(reusableAssets)
        .where(eq(reusableAssets.laureateId, laureateId))
    ).filter((other) => other.id !== asset.id);
    const gaps = closureKitGaps(
      remaining.map((other) => other.kind),
      closure.lessonsLearned,
    );
    if (gaps.length > 0) {
      throw new Refusal(
        `Ce lauréat est clôturé : son kit de clôture doit garder ${gaps.join(", ")}.`,
        "precondition",
      );
    }
  }
  await db.delete(reusableAssets).where(eq(reusableAssets.id, asset.id));
  await recordAudit(db, actor, {
    action: "ressource.suppression",
    entityId: asset.id,
    laureateId,
    before: assetFacts(asset),
    after: {},
  });
  return { assetId: asset.id };
}

/** Closes a laureate, once, and only with its closure kit complete. */
export async function closeLaureate(db: Executor, actor: Actor, input: CloseLaureateInput) {
  const laureateId = await lockLaureate(db, input.laureateSlug);
  const [closed] = await db
    .select({ closedOn: laureateClosures.closedOn })
    .from(laureateClosures)
    .where(eq(laureateClosures.laureateId, laureateId));
  if (closed) throw new Refusal("Ce lauréat est déjà clôturé.");
  const kinds = (
    await db
      .select({ kind: reusableAssets.kind })
      .from(reusableAssets)
      .where(eq(reusableAssets.laureateId, laureateId))
  ).map((asset) => asset.kind);
  const gaps = closureKitGaps(kinds, input.lessonsLearned);
  if (gaps.length > 0) {
    throw new Refusal(`Le kit de clôture est incomplet : il manque ${gaps.join(", ")}.`, "precondition");
  }
  await db.insert(laureateClosures).values({
    laureateId,
    closedOn: input.closedOn,
    lessonsLearned: input.lessonsLearned,
    closedBy: actor.userId,
  });
  await recordAudit(db, actor, {
    action: "laureat.cloture",
    entityId: input.laureateSlug,
    laureateId,
    before: {},
    after: { dateCloture: input.closedOn, enseignements: input.lessonsLearned },
  });
  return { closedOn: input.closedOn };
}
