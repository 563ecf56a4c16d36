import { fr } from "@codegouvfr/react-dsfr";
import {
  ADOPTION_STAGES,
  remainingToPay,
  territoryKeyLabel,
  type LaureateSheet,
  type MilestoneOutcome,
} from "@defis/domain";
import { Link } from "react-router";
import { DataTable } from "../../components/DataTable";
import { formatCents, formatMonth, formatShortDate } from "../../lib/format";
import { ROUTES } from "../../routes";
import { categoryLabel, fundingModeLabel, ministryLabel } from "../../features/laureates/laureate-labels";
import { Fact, porteurLabel } from "../../features/laureates/LaureateFacts";
import { WeatherBadge } from "../../features/progress/progress-badges";
import { indexLabel, regionName } from "../../features/replication/replication-labels";

/** MILESTONE_OUTCOMES counts milestones ("Atteints à temps"); a sheet's row is one milestone. */
const OUTCOME_OF_ONE: Record<MilestoneOutcome, string> = {
  atteint_a_temps: "Atteint à temps",
  atteint_en_retard: "Atteint en retard",
  en_retard: "En retard",
  a_venir: "À venir",
  abandonne: "Abandonné",
};

/** One laureate on the review's day: a sheet that prints on a page of its own. */
/** Restes à payer of a sheet: never a negative amount or a silent 0 for money paid without a commitment. */
function remainingLabel(sheet: LaureateSheet): string {
  const { remainingCents, paidWithoutCommitmentCents } = remainingToPay(
    sheet.committedCents > 0,
    sheet.committedCents,
    sheet.paidCents,
  );
  if (remainingCents !== null) return formatCents(remainingCents);
  return paidWithoutCommitmentCents > 0
    ? `Non calculés : ${formatCents(paidWithoutCommitmentCents)} payés sans engagement`
    : "Non calculés : rien n'est engagé";
}

export function LaureateSheetArticle({ sheet }: { sheet: LaureateSheet }) {
  const headingId = `fiche-${sheet.slug}`;
  return (
    <article aria-labelledby={headingId} className={`defis-review-sheet ${fr.cx("fr-mb-6w")}`}>
      <h3 id={headingId}>
        <Link to={ROUTES.laureate(sheet.slug)}>{sheet.title}</Link>
      </h3>
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <dl className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <Fact label="Porteur">{porteurLabel(sheet.porteur)}</Fact>
          <Fact label="Ministère de rattachement">{ministryLabel(sheet)}</Fact>
          <Fact label="Catégorie">{categoryLabel(sheet)}</Fact>
          <Fact label="Territoire">{territoryKeyLabel(sheet.territoryKey)}</Fact>
          <Fact label="Mode de financement">{fundingModeLabel(sheet)}</Fact>
          <Fact label="Indice de potentiel d'essaimage">
            {sheet.potentialIndex === null ? "Pas encore noté" : indexLabel(sheet.potentialIndex)}
          </Fact>
        </dl>
        <dl className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <Fact label="Alloué">{formatCents(sheet.allocatedCents)}</Fact>
          <Fact label="Engagé">{formatCents(sheet.committedCents)}</Fact>
          <Fact label="Versé">{formatCents(sheet.paidCents)}</Fact>
          <Fact label="Restes à payer">{remainingLabel(sheet)}</Fact>
          <Fact label="Météo">
            {sheet.weather ? (
              <>
                <WeatherBadge level={sheet.weather.level} /> ({formatMonth(sheet.weather.period)}) — «{" "}
                {sheet.weather.synthesis} »
              </>
            ) : (
              <WeatherBadge level={null} />
            )}
          </Fact>
        </dl>
      </div>
      {sheet.milestones.length === 0 ? (
        <p>Aucun jalon.</p>
      ) : (
        <DataTable
          caption={`Jalons — ${sheet.title}`}
          fixedLayout
          columns={[
            { header: "Jalon" },
            { header: "Échéance" },
            { header: "Atteint le" },
            { header: "Situation" },
          ]}
          rows={sheet.milestones.map((milestone) => ({
            key: milestone.id,
            cells: [
              milestone.title,
              formatShortDate(milestone.dueOn),
              milestone.reachedOn ? formatShortDate(milestone.reachedOn) : "—",
              OUTCOME_OF_ONE[milestone.outcome],
            ],
          }))}
        />
      )}
      <h4 className={fr.cx("fr-h6")}>Risques et blocages</h4>
      {sheet.risks.length === 0 ? (
        <p>Aucun risque signalé.</p>
      ) : (
        <ul>
          {sheet.risks.map((risk) => (
            <li key={risk.id}>
              {formatShortDate(risk.writtenOn)} : {risk.body}
            </li>
          ))}
        </ul>
      )}
      <h4 className={fr.cx("fr-h6")}>Adoptions</h4>
      {sheet.adoptions.length === 0 ? (
        <p>Aucune adoption.</p>
      ) : (
        <ul>
          {sheet.adoptions.map((adoption) => (
            <li key={adoption.id}>
              {adoption.organisation} ({regionName(adoption.regionCode)}) : {ADOPTION_STAGES[adoption.stage]}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
