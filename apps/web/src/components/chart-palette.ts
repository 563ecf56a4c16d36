/** The DSFR chart palette: categorical colours in order, and the neutral one. */
export const CHART_COLORS = [
  "#5C68E5",
  "#82B5F2",
  "#29598F",
  "#31A7AE",
  "#81EEF5",
  "#B478F1",
  "#CFB1F5",
  "#CECECE",
] as const;

export const CHART_NEUTRAL = "#B1B1B1";

export function chartColor(index: number): string {
  return CHART_COLORS[index % CHART_COLORS.length] ?? CHART_COLORS[0];
}
