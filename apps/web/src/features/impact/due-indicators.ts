import type { IndicatorItem } from "@defis/domain";

/** The indicators that wait for a measure, on the day itself. */
export function dueIndicators(indicators: readonly IndicatorItem[]): IndicatorItem[] {
  return indicators.filter(
    (indicator) => indicator.status === "suivi" && indicator.freshness === "a_mettre_a_jour",
  );
}
