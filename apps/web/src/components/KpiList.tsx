import { fr } from "@codegouvfr/react-dsfr";
import type { HelpTerm } from "../routes";
import { HelpLink } from "./HelpLink";

export interface Kpi {
  label: string;
  value: string;
  detail: string;
  /** The glossary entry that says how the figure is computed, linked by a "?". */
  help?: { term: HelpTerm; question: string };
}

/**
 * Key figures as tiles: a label, the figure, and what it means or compares to;
 * `note`, a line every tile repeats under it (the day its figure was read).
 */
export function KpiList({
  kpis,
  label = "Chiffres clés",
  note,
}: {
  kpis: Kpi[];
  label?: string;
  note?: string;
}) {
  return (
    <ul
      className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-mb-4w", "fr-raw-list")}
      aria-label={label}
    >
      {kpis.map((kpi) => (
        <li key={kpi.label} className={fr.cx("fr-col-12", "fr-col-sm-6", "fr-col-lg-3")}>
          <div
            className={fr.cx("fr-p-3w")}
            style={{ border: `1px solid ${fr.colors.decisions.border.default.grey.default}`, height: "100%" }}
          >
            <p className={fr.cx("fr-text--sm", "fr-mb-1v")}>{kpi.label}</p>
            <p className="defis-kpi-value">{kpi.value}</p>
            <p className={fr.cx("fr-text--xs", "fr-mb-0", "fr-mt-1v")}>
              {kpi.detail}
              {kpi.help && <HelpLink term={kpi.help.term}>{kpi.help.question}</HelpLink>}
              {note !== undefined && (
                <>
                  <br />
                  {note}
                </>
              )}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
