import { fr } from "@codegouvfr/react-dsfr";

/**
 * Recharts' defaults are greys on white. Text and lines follow the theme
 * instead: currentColor (the frame's text colour, a DSFR variable) for axes,
 * DSFR variables for the tooltip, so the charts stay legible in dark mode.
 */
export const AXIS_PROPS = { stroke: "currentColor", tick: { fill: "currentColor", fontSize: 12 } } as const;

export const TOOLTIP_PROPS = {
  contentStyle: {
    background: fr.colors.decisions.background.default.grey.default,
    border: `1px solid ${fr.colors.decisions.border.default.grey.default}`,
    color: fr.colors.decisions.text.default.grey.default,
  },
  labelStyle: { color: fr.colors.decisions.text.title.grey.default, fontWeight: 700 },
  // Recharts writes each line in its series' colour, too pale on the tooltip's background (RGAA contrast).
  itemStyle: { color: fr.colors.decisions.text.default.grey.default },
  cursor: { fill: fr.colors.decisions.background.alt.grey.hover },
} as const;

export const LEGEND_PROPS = {
  wrapperStyle: { color: fr.colors.decisions.text.default.grey.default },
} as const;

/** Sized by its container (the frame), so that the chart follows the page's width. */
export const CHART_PROPS = {
  responsive: true,
  accessibilityLayer: true,
  style: { width: "100%", height: 320 },
  margin: { top: 16, right: 16, bottom: 8, left: 16 },
} as const;
