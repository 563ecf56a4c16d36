import { fr, type FrIconClassName, type RiIconClassName } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import {
  MILESTONE_STATES,
  WEATHER_LEVELS,
  WEATHER_STATES,
  type HealthSummary,
  type MilestoneState,
  type WeatherLevel,
  type WeatherState,
} from "@defis/domain";

export const WEATHER_ICONS: Record<WeatherLevel, FrIconClassName | RiIconClassName> = {
  soleil: "fr-icon-sun-line",
  nuage: "ri-sun-cloudy-line",
  couvert: "fr-icon-cloudy-2-line",
  orage: "fr-icon-thunderstorms-line",
};
export const WEATHER_SEVERITY = {
  soleil: "success",
  nuage: "info",
  couvert: "warning",
  orage: "error",
} as const satisfies Record<WeatherLevel, string>;

/** A weather level as a coloured badge with its icon; the word carries the meaning, not the colour. */
export function WeatherBadge({ level }: { level: WeatherLevel | null }) {
  if (level === null)
    return (
      <Badge as="span" small>
        Non déclarée
      </Badge>
    );
  return (
    <Badge as="span" small severity={WEATHER_SEVERITY[level]} noIcon>
      <span className={fr.cx(WEATHER_ICONS[level], "fr-icon--sm", "fr-mr-1v")} aria-hidden="true" />
      {WEATHER_LEVELS[level]}
    </Badge>
  );
}

/**
 * A laureate's météo on a day (`weatherStateOn`): its level's badge, or
 * « Météo périmée » / « Sans météo » in grey, each with its icon and its word.
 */
export function WeatherStateBadge({ state }: { state: WeatherState }) {
  if (state === "perimee" || state === "sans_meteo")
    return (
      <Badge as="span" small noIcon>
        <span
          className={fr.cx(
            state === "perimee" ? "fr-icon-time-line" : "fr-icon-question-line",
            "fr-icon--sm",
            "fr-mr-1v",
          )}
          aria-hidden="true"
        />
        {WEATHER_STATES[state]}
      </Badge>
    );
  return <WeatherBadge level={state} />;
}

const STATE_SEVERITY: Partial<Record<MilestoneState, "success" | "info" | "error" | "new">> = {
  atteint: "success",
  en_cours: "info",
  en_retard: "error",
  a_venir: "new",
};

export function MilestoneStateBadge({ state, daysLate }: { state: MilestoneState; daysLate: number }) {
  return (
    <Badge as="span" small severity={STATE_SEVERITY[state]} noIcon>
      {state === "en_retard" ? `En retard de ${String(daysLate)} j` : MILESTONE_STATES[state]}
    </Badge>
  );
}

/** The flag of a laureate whose declared météo the facts contradict. */
export function DivergenceBadge() {
  return (
    <Badge as="span" small severity="warning">
      Météo à vérifier
    </Badge>
  );
}

/**
 * A laureate's météo in the portfolio (the day's, as the dashboard counts
 * it), flagged when the facts of today contradict it (`health`, today only).
 */
export function DeclaredWeather({
  state,
  health,
}: {
  state: WeatherState;
  health: HealthSummary | undefined;
}) {
  return (
    <>
      <WeatherStateBadge state={state} /> {health?.diverges && <DivergenceBadge />}
    </>
  );
}
