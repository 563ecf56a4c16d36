import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import {
  NotFound,
  staleVersion,
  COMMENT_KINDS,
  type AddCommentInput,
  type CommentKind,
  type EditCommentInput,
} from "@defis/domain";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit, type Actor } from "../audit/record-audit.js";
import { laureateIdOf } from "../laureates/laureate-ids.js";

const { commentRevisions, comments } = schema;

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

/** Rewords a comment on the version read; the wording it replaces joins its history. */
export async function editComment(db: Executor, actor: Actor, input: EditCommentInput) {
  const laureateId = await laureateIdOf(db, input.laureateSlug);
  const [current] = await db
    .select()
    .from(comments)
    .where(and(eq(comments.id, input.commentId), eq(comments.laureateId, laureateId)))
    .for("update");
  if (!current) throw new NotFound("Ce commentaire n'existe pas ou plus.");
  if (current.version !== input.version) {
    staleVersion(
      { id: current.id, version: current.version, body: current.body },
      "Ce commentaire a été modifié entre-temps. Son texte actuel est affiché : vérifiez-le puis réappliquez votre modification.",
    );
  }
  await db.insert(commentRevisions).values({
    commentId: current.id,
    version: current.version,
    body: current.body,
    writtenAt: current.updatedAt,
    writtenBy: current.updatedBy,
  });
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
    before: { texte: current.body },
    after: { texte: input.body },
  });
  return { commentId: current.id };
}
