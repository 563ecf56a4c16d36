import { fr } from "@codegouvfr/react-dsfr";
import { HelpLink } from "../../components/HelpLink";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { WEATHER_LEVELS, type HealthSummary } from "@defis/domain";
import { formatMonth } from "../../lib/format";
import { WeatherBadge } from "./progress-badges";

/** Declared météo beside the health the facts give, with the facts' reasons. */
export function HealthPanel({
  health,
  headingLevel = "h3",
}: {
  health: HealthSummary;
  headingLevel?: "h2" | "h3";
}) {
  const Heading = headingLevel;
  return (
    <section aria-labelledby="sante-projet" className={fr.cx("fr-mb-4w")}>
      <Heading id="sante-projet" className={fr.cx("fr-h5")}>
        Météo déclarée et santé calculée
      </Heading>
      {health.diverges && (
        <Alert
          className={fr.cx("fr-mb-2w")}
          severity="warning"
          small
          description={
            <>
              La météo déclarée (« {health.declared ? WEATHER_LEVELS[health.declared] : ""} ») est bien
              meilleure que ce qu'indiquent les faits (« {WEATHER_LEVELS[health.computed.level]} ») : à
              vérifier avec le sponsor.
              <HelpLink term="meteo-a-verifier">Qu'est-ce qu'une météo à vérifier ?</HelpLink>
            </>
          }
        />
      )}
      <dl className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <dt className={fr.cx("fr-text--bold")}>Météo déclarée</dt>
          <dd className={fr.cx("fr-ml-0")}>
            <WeatherBadge level={health.declared} />
            {health.declaredPeriod && <> pour {formatMonth(health.declaredPeriod)}</>}
          </dd>
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <dt className={fr.cx("fr-text--bold")}>
            Santé calculée d'après les faits
            <HelpLink term="sante-calculee">Comment la santé est-elle calculée ?</HelpLink>
          </dt>
          <dd className={fr.cx("fr-ml-0")}>
            <WeatherBadge level={health.computed.level} />
          </dd>
        </div>
      </dl>
      {health.computed.reasons.length === 0 ? (
        <p className={fr.cx("fr-text--sm")}>
          Aucun jalon en retard, aucune tranche bloquée ou en retard, suivi à jour.
        </p>
      ) : (
        <ul className={fr.cx("fr-text--sm")} aria-label="Ce qui détermine la santé calculée">
          {health.computed.reasons.map((reason) => (
            <li key={reason.text}>
              {reason.text} ({WEATHER_LEVELS[reason.level]})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
