import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import {
  addCommentSchema,
  COMMENT_KINDS,
  editCommentSchema,
  editedBySomeoneElse,
  mayChangeComment,
  type CommentItem,
  type CommentKind,
} from "@defis/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import { ActionErrorAlert } from "../../components/ActionErrorAlert";
import { ConfirmStep } from "../../components/ConfirmStep";
import { SavingStatus } from "../../components/Panel";
import { fieldState } from "../../lib/form-errors";
import { useFormErrors } from "../../lib/use-form-errors";
import { usePendingFocus } from "../../lib/use-pending-focus";
import { useSession } from "../../lib/session";
import { formatDateTime } from "../../lib/format";
import { conflictCurrentOf, describeError, isStaleVersion, useTRPC } from "../../lib/trpc";
import { useRefreshProgress } from "./use-refresh-progress";

const KINDS = Object.keys(COMMENT_KINDS) as CommentKind[];
const NEW_COMMENT_ID = "nouveau-commentaire";

/** The author stays the author; whoever else rewrote the comment is named beside, with the date. */
function byline(comment: CommentItem): string {
  const author = comment.author?.displayName ?? "Auteur inconnu";
  const when = formatDateTime(comment.updatedAt);
  const edited =
    comment.revisions.length === 0
      ? ""
      : editedBySomeoneElse(comment)
        ? `, modifié par ${comment.updatedBy?.displayName ?? "une autre personne"} le ${when}`
        : `, modifié le ${when}`;
  return `${author}, le ${formatDateTime(comment.createdAt)}${edited}`;
}

function CommentEditor({
  slug,
  comment,
  onClose,
}: {
  slug: string;
  comment: CommentItem;
  onClose: (saved: boolean) => void;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshProgress();
  const id = useId();
  const [body, setBody] = useState(comment.body);
  const [version, setVersion] = useState(comment.version);
  const fieldErrors = useFormErrors({ fields: ["body"], idOf: () => id });
  const mutation = useMutation(
    trpc.progress.editComment.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onClose(true);
      },
      onError: (failure) => {
        if (isStaleVersion(failure)) void refresh();
        fieldErrors.fromServer(failure);
      },
    }),
  );
  const current = isStaleVersion(mutation.error) ? conflictCurrentOf(mutation.error) : null;

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const input = fieldErrors.check(
      editCommentSchema.safeParse({ laureateSlug: slug, commentId: comment.id, version, body }),
    );
    if (input) mutation.mutate(input);
  }

  return (
    <form
      noValidate
      onSubmit={submit}
      aria-label={`Modifier le commentaire « ${COMMENT_KINDS[comment.kind]} »`}
    >
      {current && (
        <Alert
          className={fr.cx("fr-mb-2w")}
          severity="warning"
          role="alert"
          small
          description={
            <>
              {describeError(mutation.error).message} Texte actuel : « {String(current.body)} »{" "}
              <Button
                size="small"
                priority="secondary"
                type="button"
                onClick={() => {
                  setVersion(Number(current.version));
                  mutation.reset();
                }}
              >
                Garder ma version et l'enregistrer
              </Button>
            </>
          }
        />
      )}
      {mutation.error && !current && (
        <ActionErrorAlert error={mutation.error} title="Le commentaire n'a pas été modifié" />
      )}
      <Input
        label="Texte du commentaire"
        textArea
        {...fieldState(fieldErrors.errors.body)}
        nativeTextAreaProps={{
          id,
          rows: 3,
          maxLength: 4000,
          value: body,
          onChange: (event) => setBody(event.target.value),
        }}
      />
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm", "fr-btns-group--sm")}>
        <li>
          <Button size="small" type="submit" disabled={mutation.isPending}>
            Enregistrer
          </Button>
        </li>
        <li>
          <Button size="small" type="button" priority="secondary" onClick={() => onClose(false)}>
            Annuler
          </Button>
        </li>
      </ul>
      <SavingStatus saving={mutation.isPending} />
    </form>
  );
}

/**
 * Asked, then confirmed: the comment leaves the page, the review and the
 * exports; the laureate's history keeps who deleted what and when.
 */
function CommentDeletion({
  slug,
  comment,
  onCancel,
  onDeleted,
}: {
  slug: string;
  comment: CommentItem;
  onCancel: () => void;
  onDeleted: () => void;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshProgress();
  const headingId = `supprimer-commentaire-${String(comment.id)}`;
  usePendingFocus(headingId);
  const mutation = useMutation(
    trpc.progress.deleteComment.mutationOptions({
      onSuccess: async () => {
        onDeleted();
        await refresh();
      },
      // Changed meanwhile: the text shown becomes the current one, to read before confirming again.
      onError: (failure) => {
        if (isStaleVersion(failure)) void refresh();
      },
    }),
  );
  return (
    <ConfirmStep
      headingId={headingId}
      title={`Supprimer ce commentaire « ${COMMENT_KINDS[comment.kind]} » ?`}
      headingLevel={4}
      confirmLabel="Confirmer la suppression"
      onConfirm={() =>
        mutation.mutate({ laureateSlug: slug, commentId: comment.id, version: comment.version })
      }
      onCancel={onCancel}
      saving={mutation.isPending}
      error={mutation.error}
      errorTitle="Le commentaire n'a pas été supprimé"
    >
      <p>« {comment.body} »</p>
      <p className={fr.cx("fr-text--sm")}>
        Il disparaîtra du suivi, de la revue et des exports. L'historique du lauréat gardera son texte, qui
        l'a supprimé et quand.
      </p>
    </ConfirmStep>
  );
}

type CardMode = "lecture" | "modification" | "suppression";

function CommentCard({
  slug,
  comment,
  canEdit,
  onDeleted,
}: {
  slug: string;
  comment: CommentItem;
  canEdit: boolean;
  onDeleted: () => void;
}) {
  const user = useSession().user;
  // The server refuses the same: a sponsor rewords and deletes only the comments they wrote.
  const canChange =
    canEdit &&
    mayChangeComment(
      { userId: user?.id ?? null, role: user?.role ?? null },
      { authorId: comment.author?.id ?? null },
    );
  const [mode, setMode] = useState<CardMode>("lecture");
  const editButtonId = `modifier-commentaire-${String(comment.id)}`;
  const deleteButtonId = `supprimer-commentaire-bouton-${String(comment.id)}`;
  const focus = usePendingFocus();
  const backTo = (buttonId: string) => {
    setMode("lecture");
    focus(buttonId);
  };
  return (
    <li className={fr.cx("fr-mb-3w")}>
      {mode === "modification" ? (
        <CommentEditor slug={slug} comment={comment} onClose={() => backTo(editButtonId)} />
      ) : mode === "suppression" ? (
        <CommentDeletion
          slug={slug}
          comment={comment}
          onCancel={() => backTo(deleteButtonId)}
          onDeleted={onDeleted}
        />
      ) : (
        <>
          <p className={fr.cx("fr-mb-1v")}>{comment.body}</p>
          <p className={fr.cx("fr-text--xs", "fr-mb-1v")}>{byline(comment)}</p>
          {comment.revisions.length > 0 && (
            <details className={fr.cx("fr-text--sm", "fr-mb-1v")}>
              <summary>Versions précédentes ({comment.revisions.length})</summary>
              <ul>
                {comment.revisions.map((revision) => (
                  <li key={revision.version}>
                    « {revision.body} » — {revision.writtenBy?.displayName ?? "auteur inconnu"},{" "}
                    {formatDateTime(revision.writtenAt)}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {canChange && (
            <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm", "fr-btns-group--sm")}>
              <li>
                <Button
                  id={editButtonId}
                  size="small"
                  priority="tertiary"
                  iconId="fr-icon-edit-line"
                  onClick={() => setMode("modification")}
                >
                  Modifier <span className={fr.cx("fr-sr-only")}>ce commentaire</span>
                </Button>
              </li>
              <li>
                <Button
                  id={deleteButtonId}
                  size="small"
                  priority="tertiary"
                  iconId="fr-icon-delete-line"
                  onClick={() => setMode("suppression")}
                >
                  Supprimer <span className={fr.cx("fr-sr-only")}>ce commentaire</span>
                </Button>
              </li>
            </ul>
          )}
        </>
      )}
    </li>
  );
}

function AddComment({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const refresh = useRefreshProgress();
  const [kind, setKind] = useState<CommentKind>("risques_blocages");
  const [body, setBody] = useState("");
  const fieldErrors = useFormErrors({ fields: ["body"], idOf: () => NEW_COMMENT_ID });
  const [saved, setSaved] = useState(false);
  const mutation = useMutation(
    trpc.progress.addComment.mutationOptions({
      onSuccess: async () => {
        await refresh();
        setBody("");
        setSaved(true);
      },
      onError: fieldErrors.fromServer,
    }),
  );
  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    setSaved(false);
    const input = fieldErrors.check(addCommentSchema.safeParse({ laureateSlug: slug, kind, body }));
    if (input) mutation.mutate(input);
  }
  return (
    <form noValidate onSubmit={submit} aria-labelledby="ajouter-commentaire">
      <h4 id="ajouter-commentaire" className={fr.cx("fr-h6")}>
        Ajouter un commentaire
      </h4>
      {mutation.error && (
        <ActionErrorAlert error={mutation.error} title="Le commentaire n'a pas été ajouté" />
      )}
      <Select
        label="Type"
        nativeSelectProps={{ value: kind, onChange: (event) => setKind(event.target.value as CommentKind) }}
      >
        {KINDS.map((value) => (
          <option key={value} value={value}>
            {COMMENT_KINDS[value]}
          </option>
        ))}
      </Select>
      <Input
        label="Commentaire"
        textArea
        {...fieldState(fieldErrors.errors.body)}
        nativeTextAreaProps={{
          id: NEW_COMMENT_ID,
          rows: 3,
          maxLength: 4000,
          value: body,
          onChange: (event) => setBody(event.target.value),
        }}
      />
      <Button type="submit" disabled={mutation.isPending}>
        Ajouter le commentaire
      </Button>
      <p role="status" className={fr.cx("fr-text--sm", "fr-mt-1w")}>
        {mutation.isPending ? "Enregistrement en cours…" : saved ? "Le commentaire a été ajouté." : ""}
      </p>
    </form>
  );
}

interface CommentsSectionProps {
  slug: string;
  comments: CommentItem[];
  canEdit: boolean;
}

/** Risks and blockers, next actions, successes: newest first, with their earlier wordings. */
export function CommentsSection({ slug, comments, canEdit }: CommentsSectionProps) {
  const [deleted, setDeleted] = useState(false);
  const focus = usePendingFocus();
  return (
    <section aria-labelledby="commentaires" className={fr.cx("fr-mb-4w")}>
      <h3 id="commentaires" className={fr.cx("fr-h5")}>
        Commentaires
      </h3>
      <p role="status" className={fr.cx("fr-text--sm")}>
        {deleted ? "Le commentaire a été supprimé." : ""}
      </p>
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        {KINDS.map((kind) => {
          const ofKind = comments.filter((comment) => comment.kind === kind);
          return (
            <section
              key={kind}
              aria-labelledby={`commentaires-${kind}`}
              className={fr.cx("fr-col-12", "fr-col-md-4")}
            >
              <h4 id={`commentaires-${kind}`} tabIndex={-1} className={fr.cx("fr-h6")}>
                {COMMENT_KINDS[kind]}
              </h4>
              {ofKind.length === 0 ? (
                <p className={fr.cx("fr-text--sm")}>Aucun commentaire.</p>
              ) : (
                <ul className={fr.cx("fr-raw-list")}>
                  {ofKind.map((comment) => (
                    <CommentCard
                      key={comment.id}
                      slug={slug}
                      comment={comment}
                      canEdit={canEdit}
                      onDeleted={() => {
                        // The card goes away: the focus goes to its list's heading.
                        setDeleted(true);
                        focus(`commentaires-${kind}`);
                      }}
                    />
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
      {canEdit && <AddComment slug={slug} />}
    </section>
  );
}
