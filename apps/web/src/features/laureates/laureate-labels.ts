import {
  CATEGORIES,
  FUNDING_MODES,
  MINISTRIES,
  territoryKeyLabel,
  WEATHER_LEVELS,
  type LaureateListItem,
  type WeatherCountKey,
} from "@defis/domain";

/** The four levels, and the laureates that declared none: the portfolio's filter and the dashboard's bars. */
export const WEATHER_COUNT_LABELS: Record<WeatherCountKey, string> = {
  ...WEATHER_LEVELS,
  sans_meteo: "Sans météo",
};

export const categoryLabel = (item: Pick<LaureateListItem, "category">) => CATEGORIES[item.category];
export const ministryLabel = (item: Pick<LaureateListItem, "ministry">) => MINISTRIES[item.ministry];
export const fundingModeLabel = (item: Pick<LaureateListItem, "fundingMode">) =>
  FUNDING_MODES[item.fundingMode];

/** "Bretagne — Pays de Lorient (56)", or "National". */
export function territoryLabel(
  item: Pick<LaureateListItem, "territoryKey" | "place" | "departementCode">,
): string {
  const region = territoryKeyLabel(item.territoryKey);
  if (!item.place) return region;
  const departement = item.departementCode ? ` (${item.departementCode})` : "";
  return item.place === region ? `${region}${departement}` : `${region} — ${item.place}${departement}`;
}
