import { fr } from "@codegouvfr/react-dsfr";
import type { DashboardFigures, DashboardSynthesis } from "@defis/domain";
import type { ReactNode } from "react";
import { formatShortDate } from "../../../lib/format";
import { ForecastSummary } from "./ForecastSummary";
import { KeyFigureChanges } from "./KeyFigureChanges";
import { LaureatesNeedingDecision } from "./LaureatesNeedingDecision";

interface SynthesisProps {
  figures: DashboardFigures;
  synthesis: DashboardSynthesis;
  /** The printed note lists every laureate rather than a first few and a disclosure. */
  printable?: boolean;
  /** The decisions due: a column of its own when there are some. */
  decisions?: ReactNode;
}

/**
 * What a direction reads first, on one screen: the key figures and their
 * change since the previous review, the forecast, the laureates that need a
 * decision (and the decisions due, when given). /pilotage shows it above its
 * detailed sections; the note de synthèse prints it.
 */
export function Synthesis({ figures, synthesis, printable = false, decisions }: SynthesisProps) {
  const columns = decisions ? "fr-col-lg-3" : "fr-col-lg-4";
  return (
    <section aria-labelledby="synthese" className={fr.cx("fr-mb-4w")}>
      <h2 id="synthese" className={fr.cx("fr-h4", "fr-mb-1w")}>
        Synthèse au {formatShortDate(figures.asOf)}
      </h2>
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-6", columns)}>
          <KeyFigureChanges figures={figures} previousReview={synthesis.previousReview} />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-6", columns)}>
          {figures.forecast && <ForecastSummary forecast={figures.forecast} printable={printable} />}
        </div>
        <div className={fr.cx("fr-col-12", columns)}>
          <LaureatesNeedingDecision synthesis={synthesis} printable={printable} />
        </div>
        {decisions && <div className={fr.cx("fr-col-12", columns)}>{decisions}</div>}
      </div>
    </section>
  );
}
