import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import {
  FOREIGN_COMMENT_DELETION_REFUSAL,
  FOREIGN_COMMENT_REFUSAL,
  mayChangeComment,
  NotFound,
  Refusal,
  staleVersion,
  COMMENT_KINDS,
  type AddCommentInput,
  type CommentKind,
  type DeleteCommentInput,
  type EditCommentInput,
} from "@defis/domain";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { recordAudit, type Actor } from "../audit/record-audit.js";
import { laureateIdOf } from "../laureates/laureate-ids.js";

const { commentRevisions, comments, users } = schema;

/** Writes a new comment and returns its id; the caller records the audit event. */
export async function insertComment(
  db: Executor,
  laureateId: number,
  comment: { kind: CommentKind; body: string },
  userId: number | null,
): Promise<number> {
  const [created] = await db
    .insert(comments)
    .values({ laureateId, ...comment, authorId: userId, updatedBy: userId })
    .returning({ id: comments.id });
  if (!created) throw new Error("Le commentaire n'a pas été enregistré.");
  return created.id;
}

export async function addComment(db: Executor, actor: Actor, input: AddCommentInput) {
  const laureateId = await laureateIdOf(db, input.laureateSlug);
  const commentId = await insertComment(db, laureateId, input, actor.userId);
  await recordAudit(db, actor, {
    action: "commentaire.ajout",
    entityId: commentId,
    laureateId,
    after: { type: COMMENT_KINDS[input.kind], texte: input.body },
  });
  return { commentId };
}

async function namesOf(db: Executor, ids: (number | null)[]): Promise<Map<number, string>> {
  const known = ids.filter((id): id is number => id !== null);
  if (known.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, known));
  return new Map(rows.map((row) => [row.id, row.displayName]));
}

const nameOr = (names: Map<number, string>, id: number | null) =>
  (id === null ? undefined : names.get(id)) ?? "auteur inconnu";

/**
 * Rewords a comment on the version read; the wording it replaces joins its
 * history, and the journal names whose words they were. A sponsor rewords
 * only their own comments; the DITP corrects any.
 */
/**
 * The comment on the version read, locked for the change; a deleted comment
 * no longer exists for the pages, nor for a change.
 */
async function commentToChange(
  db: Executor,
  actor: Actor,
  input: { laureateSlug: string; commentId: number; version: number },
  refusal: string,
  staleMessage: string,
) {
  const laureateId = await laureateIdOf(db, input.laureateSlug);
  const [current] = await db
    .select()
    .from(comments)
    .where(
      and(eq(comments.id, input.commentId), eq(comments.laureateId, laureateId), isNull(comments.deletedAt)),
    )
    .for("update");
  if (!current) throw new NotFound("Ce commentaire n'existe pas ou plus.");
  if (!mayChangeComment(actor, current)) throw new Refusal(refusal, "forbidden");
  if (current.version !== input.version) {
    staleVersion({ id: current.id, version: current.version, body: current.body }, staleMessage);
  }
  return { laureateId, current };
}

/** Keeps the wording a change replaces in the comment's history. */
async function keepWording(db: Executor, current: typeof comments.$inferSelect) {
  await db.insert(commentRevisions).values({
    commentId: current.id,
    version: current.version,
    body: current.body,
    writtenAt: current.updatedAt,
    writtenBy: current.updatedBy,
  });
}

export async function editComment(db: Executor, actor: Actor, input: EditCommentInput) {
  const { laureateId, current } = await commentToChange(
    db,
    actor,
    input,
    FOREIGN_COMMENT_REFUSAL,
    "Ce commentaire a été modifié entre-temps. Son texte actuel est affiché : vérifiez-le puis réappliquez votre modification.",
  );
  const writers = await namesOf(db, [current.updatedBy, actor.userId]);
  // The journal names both writers only when the wording changes hands.
  const handover =
    current.updatedBy === actor.userId
      ? null
      : {
          before: nameOr(writers, current.updatedBy),
          after: nameOr(writers, actor.userId),
        };
  await keepWording(db, current);
  await db
    .update(comments)
    .set({
      body: input.body,
      version: sql`${comments.version} + 1`,
      updatedAt: sql`now()`,
      updatedBy: actor.userId,
    })
    .where(eq(comments.id, current.id));
  await recordAudit(db, actor, {
    action: "commentaire.modification",
    entityId: current.id,
    laureateId,
    before: { texte: current.body, ...(handover && { redigePar: handover.before }) },
    after: { texte: input.body, ...(handover && { redigePar: handover.after }) },
  });
  return { commentId: current.id };
}

/**
 * Deletes a comment on the version read: it leaves the Suivi tab, the review
 * and the exports, while its last wording joins its history and the journal
 * says who deleted what and when. A sponsor deletes only their own comments;
 * the DITP deletes any.
 */
export async function deleteComment(db: Executor, actor: Actor, input: DeleteCommentInput) {
  const { laureateId, current } = await commentToChange(
    db,
    actor,
    input,
    FOREIGN_COMMENT_DELETION_REFUSAL,
    "Ce commentaire a été modifié entre-temps. Son texte actuel est affiché : vérifiez-le avant de le supprimer.",
  );
  const writers = await namesOf(db, [current.updatedBy]);
  await keepWording(db, current);
  await db
    .update(comments)
    .set({
      version: sql`${comments.version} + 1`,
      updatedAt: sql`now()`,
      updatedBy: actor.userId,
      deletedAt: sql`now()`,
      deletedBy: actor.userId,
    })
    .where(eq(comments.id, current.id));
  await recordAudit(db, actor, {
    action: "commentaire.suppression",
    entityId: current.id,
    laureateId,
    before: {
      type: COMMENT_KINDS[current.kind],
      texte: current.body,
      redigePar: nameOr(writers, current.updatedBy),
    },
  });
  return { commentId: current.id };
}
