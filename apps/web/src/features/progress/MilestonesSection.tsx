import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { MilestoneItem } from "@defis/domain";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { ActionErrorAlert } from "../../components/ActionErrorAlert";
import { DataTable } from "../../components/DataTable";
import { formatDate, formatDateTime, pluralize } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { usePendingFocus } from "../../lib/use-pending-focus";
import { MilestoneForm } from "./MilestoneForm";
import { MilestoneStateBadge } from "./progress-badges";
import { useRefreshProgress } from "./use-refresh-progress";

const ADD_BUTTON_ID = "ajouter-jalon";
const editButtonId = (id: number) => `modifier-jalon-${String(id)}`;

function Evidence({ milestone }: { milestone: MilestoneItem }) {
  if (!milestone.evidenceNote && !milestone.evidenceUrl) return <>—</>;
  return (
    <>
      {milestone.evidenceNote}
      {milestone.evidenceUrl && (
        <>
          {milestone.evidenceNote && " "}
          <a
            href={milestone.evidenceUrl}
            target="_blank"
            rel="noopener noreferrer"
            title={`Voir la preuve du jalon « ${milestone.title} » (nouvelle fenêtre)`}
          >
            Voir la preuve
          </a>
        </>
      )}
    </>
  );
}

interface MilestonesSectionProps {
  slug: string;
  milestones: MilestoneItem[];
  canEdit: boolean;
}

/** The laureate's milestones in their order; sponsors of the scope and the DITP add, edit and reorder them. */
export function MilestonesSection({ slug, milestones, canEdit }: MilestonesSectionProps) {
  const trpc = useTRPC();
  const refresh = useRefreshProgress();
  const focus = usePendingFocus();
  const [editing, setEditing] = useState<MilestoneItem | "new" | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const move = useMutation(trpc.progress.moveMilestone.mutationOptions({ onSuccess: () => refresh() }));

  const close = (returnTo: string, done: string | null) => {
    setEditing(null);
    setMessage(done);
    focus(returnTo);
  };

  if (editing !== null) {
    const returnTo = editing === "new" ? ADD_BUTTON_ID : editButtonId(editing.id);
    return (
      <MilestoneForm
        slug={slug}
        milestone={editing === "new" ? null : editing}
        onDone={(done) => close(returnTo, done)}
        onCancel={() => close(returnTo, null)}
      />
    );
  }

  const late = milestones.filter((milestone) => milestone.state === "en_retard").length;
  return (
    <section aria-labelledby="jalons" className={fr.cx("fr-mb-4w")}>
      <h3 id="jalons" className={fr.cx("fr-h5")}>
        Jalons
      </h3>
      {message && (
        <Alert className={fr.cx("fr-mb-2w")} severity="success" small description={message} role="status" />
      )}
      {move.error && <ActionErrorAlert error={move.error} title="L'ordre des jalons n'a pas changé" />}
      {milestones.length === 0 ? (
        <p>Aucun jalon n'est encore défini pour ce lauréat.</p>
      ) : (
        <DataTable
          caption={`${pluralize(milestones.length, "jalon")}, dont ${pluralize(late, "en retard", "en retard")}`}
          columns={[
            { header: "Jalon" },
            { header: "Échéance" },
            { header: "État" },
            { header: "Preuve" },
            { header: "Mis à jour" },
            ...(canEdit ? [{ header: "Actions" }] : []),
          ]}
          rows={milestones.map((milestone, index) => ({
            key: milestone.id,
            cells: [
              <>
                {milestone.title}
                {milestone.description && (
                  <p className={fr.cx("fr-text--xs", "fr-mb-0")}>{milestone.description}</p>
                )}
                {milestone.gatedTrancheIds.length > 0 && (
                  <p className={fr.cx("fr-text--xs", "fr-mb-0")}>
                    Requis pour le service fait de {pluralize(milestone.gatedTrancheIds.length, "tranche")}
                  </p>
                )}
              </>,
              formatDate(milestone.dueOn),
              <>
                <MilestoneStateBadge state={milestone.state} daysLate={milestone.daysLate} />
                {milestone.reachedOn && (
                  <p className={fr.cx("fr-text--xs", "fr-mb-0")}>le {formatDate(milestone.reachedOn)}</p>
                )}
              </>,
              <Evidence key="preuve" milestone={milestone} />,
              <>
                {formatDateTime(milestone.updatedAt)}
                {milestone.updatedBy && (
                  <p className={fr.cx("fr-text--xs", "fr-mb-0")}>{milestone.updatedBy.displayName}</p>
                )}
              </>,
              ...(canEdit
                ? [
                    <ul
                      key="actions"
                      className={fr.cx("fr-btns-group", "fr-btns-group--sm", "fr-btns-group--icon-left")}
                    >
                      <li>
                        <Button
                          id={editButtonId(milestone.id)}
                          size="small"
                          priority="secondary"
                          iconId="fr-icon-edit-line"
                          onClick={() => {
                            setMessage(null);
                            setEditing(milestone);
                          }}
                        >
                          Modifier <span className={fr.cx("fr-sr-only")}>le jalon « {milestone.title} »</span>
                        </Button>
                      </li>
                      {(["up", "down"] as const)
                        .filter((direction) =>
                          direction === "up" ? index > 0 : index < milestones.length - 1,
                        )
                        .map((direction) => (
                          <MoveButton
                            key={direction}
                            direction={direction}
                            title={milestone.title}
                            disabled={move.isPending}
                            onMove={() =>
                              move.mutate({ laureateSlug: slug, milestoneId: milestone.id, direction })
                            }
                          />
                        ))}
                    </ul>,
                  ]
                : []),
            ],
          }))}
        />
      )}
      {canEdit && (
        <Button
          id={ADD_BUTTON_ID}
          priority="secondary"
          iconId="fr-icon-add-line"
          onClick={() => {
            setMessage(null);
            setEditing("new");
          }}
        >
          Ajouter un jalon
        </Button>
      )}
    </section>
  );
}

const MOVES = {
  up: { label: "Monter", iconId: "fr-icon-arrow-up-line" },
  down: { label: "Descendre", iconId: "fr-icon-arrow-down-line" },
} as const;

/** Moves a milestone one place up or down the list; its title completes the label for screen readers. */
function MoveButton({
  direction,
  title,
  disabled,
  onMove,
}: {
  direction: keyof typeof MOVES;
  title: string;
  disabled: boolean;
  onMove: () => void;
}) {
  const { label, iconId } = MOVES[direction];
  return (
    <li>
      <Button size="small" priority="tertiary" iconId={iconId} disabled={disabled} onClick={onMove}>
        {label} <span className={fr.cx("fr-sr-only")}>le jalon « {title} »</span>
      </Button>
    </li>
  );
}
