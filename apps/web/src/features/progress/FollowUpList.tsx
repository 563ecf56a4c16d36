import { fr } from "@codegouvfr/react-dsfr";
import { FRESHNESS_PARTS, type FollowUpRow } from "@defis/domain";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { formatDate, formatShortDate } from "../../lib/format";
import { ROUTES } from "../../routes";
import { DivergenceBadge, WeatherBadge } from "./progress-badges";

/** What a laureate's follow-up lacks: stale parts, late milestones and indicators to measure, in words. */
export function NeedsList({ row }: { row: FollowUpRow }) {
  const needs = [
    ...row.staleParts.map((stale) => (
      <li key={stale.part}>
        {FRESHNESS_PARTS[stale.part]} :{" "}
        {stale.updatedAt
          ? `dernière mise à jour le ${formatShortDate(stale.updatedAt)}`
          : "jamais mis à jour"}
      </li>
    )),
    ...row.lateMilestones.map((milestone) => (
      <li key={milestone.id}>
        Jalon « {milestone.title} » en retard de {milestone.daysLate} j (échéance{" "}
        {formatDate(milestone.dueOn)})
      </li>
    )),
    ...row.lateIndicators.map((indicator) => (
      <li key={`indicateur-${String(indicator.id)}`}>
        Indicateur « {indicator.name} » à mettre à jour (mesure attendue le {formatDate(indicator.dueOn)})
      </li>
    )),
  ];
  if (needs.length === 0)
    return (
      <p className={fr.cx("fr-text--sm", "fr-mb-0")}>
        À jour, aucun jalon en retard ni indicateur à mettre à jour.
      </p>
    );
  return <ul className={fr.cx("fr-text--sm", "fr-mb-0")}>{needs}</ul>;
}

interface FollowUpListProps {
  rows: FollowUpRow[];
  headingLevel: "h2" | "h3";
  /** The action offered for each laureate (the guided update, a link to its page…). */
  actionFor: (row: FollowUpRow) => ReactNode;
}

/** Laureates as cards: declared and computed météo, the flag, and what needs updating. */
export function FollowUpList({ rows, headingLevel, actionFor }: FollowUpListProps) {
  const Heading = headingLevel;
  return (
    <ul className={fr.cx("fr-raw-list", "fr-grid-row", "fr-grid-row--gutters")}>
      {rows.map((row) => (
        <li key={row.laureateSlug} className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <article
            className={fr.cx("fr-p-3w")}
            style={{ border: `1px solid ${fr.colors.decisions.border.default.grey.default}`, height: "100%" }}
          >
            <Heading className={fr.cx("fr-h6", "fr-mb-1w")}>
              <Link to={ROUTES.laureateProgress(row.laureateSlug)}>{row.title}</Link>
            </Heading>
            <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>{row.porteur}</p>
            <p className={fr.cx("fr-mb-1w")}>
              Météo déclarée : <WeatherBadge level={row.health.declared} /> · santé calculée :{" "}
              <WeatherBadge level={row.health.computed.level} /> {row.health.diverges && <DivergenceBadge />}
            </p>
            <NeedsList row={row} />
            <div className={fr.cx("fr-mt-2w")}>{actionFor(row)}</div>
          </article>
        </li>
      ))}
    </ul>
  );
}
