import { fr } from "@codegouvfr/react-dsfr";
import type { DashboardForecast } from "@defis/domain";
import { Link } from "react-router";
import { formatCents, formatCount, formatShortDate, pluralize } from "../../../lib/format";
import { ROUTES } from "../../../routes";

/** "-3 jours", "1 jour": a slippage may be negative (paid early). */
function daysText(days: number): string {
  return `${formatCount(days)} ${Math.abs(days) > 1 ? "jours" : "jour"}`;
}

/** How many carriers the synthesis names (on screen, on paper); the chart's table lists them all. */
const CARRIERS_SHOWN = { screen: 2, print: 3 };

function CalendarLine({ forecast }: { forecast: DashboardForecast }) {
  if (forecast.consumptionDeadlineOn === null) {
    return (
      <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
        La date limite de consommation n'est pas fixée : un administrateur la renseigne (Administration).
      </p>
    );
  }
  return (
    <p className={fr.cx("fr-text--xs", "fr-mb-1w")}>
      {forecast.endsOn ? `Fin du programme le ${formatShortDate(forecast.endsOn)}, ` : ""}
      enveloppe à consommer avant le {formatShortDate(forecast.consumptionDeadlineOn)}
      {forecast.calendarIsDemo ? " (dates de démonstration)" : ""}
    </p>
  );
}

/**
 * The forecast in a few lines: what would be paid after the deadline (central
 * figure and band), who carries it, and the slippage it comes from. The
 * formula is on the money chart and in docs/pilotage.md.
 */
export function ForecastSummary({
  forecast,
  printable,
}: {
  forecast: DashboardForecast;
  printable: boolean;
}) {
  const after = forecast.afterDeadline;
  const carriers = forecast.laureatesAfterDeadline.slice(0, CARRIERS_SHOWN[printable ? "print" : "screen"]);
  const others = forecast.laureatesAfterDeadline.length - carriers.length;
  return (
    <section aria-labelledby="synthese-atterrissage" className="defis-synthesis-block">
      <h3 id="synthese-atterrissage" className={fr.cx("fr-h6", "fr-mb-1v")}>
        Atterrissage
      </h3>
      <CalendarLine forecast={forecast} />
      {after && (
        <>
          <p className="defis-kpi-value">{formatCents(after.centralCents)}</p>
          <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
            seraient versés après la date limite au rythme observé
            {after.earlyCents === after.lateCents
              ? "."
              : ` (fourchette de ${formatCents(after.earlyCents)} à ${formatCents(after.lateCents)}).`}
          </p>
        </>
      )}
      <p className={fr.cx("fr-text--xs", "fr-mb-1w")}>
        Reste à verser selon les échéanciers : {formatCents(forecast.openCents)} ; non planifié :{" "}
        {formatCents(forecast.unscheduledCents)}. Glissement médian observé :{" "}
        {daysText(forecast.overall.medianDays)} (sur{" "}
        {pluralize(forecast.overall.paidTranches, "tranche payée", "tranches payées")}).
      </p>
      {carriers.length > 0 && (
        <>
          <p className={fr.cx("fr-text--xs", "fr-mb-0")}>Lauréats qui le portent :</p>
          <ul className={fr.cx("fr-text--xs", "fr-mb-1v")}>
            {carriers.map((carrier) => (
              <li key={carrier.laureateId}>
                <Link to={ROUTES.laureate(carrier.slug)}>{carrier.title}</Link> :{" "}
                {formatCents(carrier.amountCents)}
              </li>
            ))}
          </ul>
          {others > 0 && (
            <p className={fr.cx("fr-text--xs", "fr-mb-0")}>
              et {pluralize(others, "autre lauréat", "autres lauréats")}
              {printable ? (
                "."
              ) : (
                <>
                  {" "}
                  : <a href="#pilotage-versements">détail sous la courbe des versements</a>
                </>
              )}
            </p>
          )}
        </>
      )}
    </section>
  );
}
