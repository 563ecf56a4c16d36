import {
  CATEGORIES,
  FUNDING_MODES,
  MINISTRIES,
  territoryKeyLabel,
  WEATHER_STATES,
  type LaureateListItem,
  type WeatherCountKey,
} from "@defis/domain";

/** The météo states in severity order (`WEATHER_STATES`): every legend, bar, table and filter. */
export const WEATHER_COUNT_LABELS: Record<WeatherCountKey, string> = WEATHER_STATES;

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
