import { fr } from "@codegouvfr/react-dsfr";
import type { ReactNode } from "react";

/**
 * A table behind a disclosure (« Voir les données »): a native `details`,
 * reached by the keyboard and announced by screen readers. On a phone, a
 * table of many amounts is wider than the screen: it scrolls inside its own
 * region, which the keyboard reaches and which names the table, and the page
 * itself never scrolls sideways (a data table is the exception WCAG 1.4.10
 * allows to two-dimensional scrolling).
 */
export function DataDisclosure({
  summary,
  label,
  children,
}: {
  summary: ReactNode;
  /** The name of the scrolling region: the table's caption. */
  label: string;
  children: ReactNode;
}) {
  return (
    <details className={`defis-disclosure ${fr.cx("fr-mb-2w")}`}>
      <summary>{summary}</summary>
      <div className="defis-table-scroll" role="region" aria-label={label} tabIndex={0}>
        {children}
      </div>
    </details>
  );
}
