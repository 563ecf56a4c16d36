import { pluralize } from "../../lib/format";

/**
 * "3 anomalies à corriger": the navigation's and the dashboard's words. Apart
 * from the controls' labels, which read the domain's dictionaries: the
 * navigation is in the entry chunk, and stays light.
 */
export function remainingText(total: number): string {
  return total === 0 ? "aucune anomalie à corriger" : `${pluralize(total, "anomalie")} à corriger`;
}
