import { can, type Role } from "../roles.js";

export const FOREIGN_COMMENT_REFUSAL =
  "Vous ne pouvez modifier que les commentaires que vous avez écrits : celui-ci a été écrit par une autre personne. Ajoutez plutôt un commentaire.";

export const FOREIGN_COMMENT_DELETION_REFUSAL =
  "Vous ne pouvez supprimer que les commentaires que vous avez écrits : celui-ci a été écrit par une autre personne.";

/**
 * Who may reword or delete a comment: its author, and the DITP, who corrects
 * any comment (the page then names who changed it and when). A sponsor never
 * rewrites nor removes someone else's words.
 */
export function mayChangeComment(
  editor: { userId: number | null; role: Role | null },
  comment: { authorId: number | null },
): boolean {
  if (can(editor.role, "correctAnyComment")) return true;
  return editor.userId !== null && comment.authorId === editor.userId;
}

/**
 * Whether the page names the last editor: only when someone other than the
 * author wrote the current wording.
 */
export function editedBySomeoneElse(comment: {
  author: { id: number } | null;
  updatedBy: { id: number } | null;
}): boolean {
  return comment.updatedBy !== null && comment.updatedBy.id !== comment.author?.id;
}
