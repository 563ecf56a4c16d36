import { fr } from "@codegouvfr/react-dsfr";
import type { DecisionItem } from "@defis/domain";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { DataTable, type TableColumn } from "../../components/DataTable";
import { DemoBadge } from "../../components/DemoBadge";
import { formatDate } from "../../lib/format";
import { ROUTES } from "../../routes";
import { DecisionStandingBadge } from "./DecisionStandingBadge";

interface DecisionListProps {
  caption: string;
  decisions: DecisionItem[];
  /** Said instead of an empty table. */
  emptyText: string;
  /** A column naming the review each decision was taken in, linked to it. */
  showReview?: boolean;
  /** What one may do with a decision (note its status), in a last column. */
  actionsOf?: (decision: DecisionItem) => ReactNode;
}

/**
 * Decisions of the reviews as a table: what, for which laureates, who owns
 * it, by when, and where it stands with the note that goes with it. A review,
 * a laureate's page and the pilotage's synthèse show it the same way.
 */
export function DecisionList({
  caption,
  decisions,
  emptyText,
  showReview = false,
  actionsOf,
}: DecisionListProps) {
  if (decisions.length === 0) return <p>{emptyText}</p>;
  const columns: TableColumn[] = [
    { header: "Décision" },
    { header: "Lauréats" },
    { header: "Responsable" },
    { header: "Échéance" },
    { header: "Statut" },
    ...(showReview ? [{ header: "Prise à la revue" }] : []),
    ...(actionsOf ? [{ header: "Suivi" }] : []),
  ];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      fixedLayout
      rows={decisions.map((decision) => ({
        key: decision.id,
        cells: [
          <>
            {decision.text}
            {decision.isDemo && <DemoBadge />}
          </>,
          decision.laureates.length === 0 ? (
            "Tout le programme"
          ) : (
            <ul className={fr.cx("fr-raw-list")}>
              {decision.laureates.map((laureate) => (
                <li key={laureate.slug}>
                  <Link to={ROUTES.laureate(laureate.slug)}>{laureate.title}</Link>
                </li>
              ))}
            </ul>
          ),
          decision.owner,
          formatDate(decision.dueOn),
          <>
            <DecisionStandingBadge standing={decision.standing} />
            {decision.notedOn && (
              <span className={fr.cx("fr-text--xs")}>
                {" "}
                (noté à la revue du {formatDate(decision.notedOn)})
              </span>
            )}
            {decision.note && <p className={fr.cx("fr-text--sm", "fr-mb-0")}>{decision.note}</p>}
          </>,
          ...(showReview
            ? [<Link to={ROUTES.review(decision.reviewId)}>{formatDate(decision.reviewAsOf)}</Link>]
            : []),
          ...(actionsOf ? [actionsOf(decision)] : []),
        ],
      }))}
    />
  );
}
