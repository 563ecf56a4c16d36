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
  /** The decisions of the reviews in progress, under the key figures, for those who read them. */
  decisions?: ReactNode;
}

/**
 * What a direction reads first, on one screen: the key figures and their
 * change since the previous review, the forecast, the laureates that need a
 * decision (and the decisions due, when given). /pilotage shows it above its
 * detailed sections; the note de synthèse prints it.
 */
export function Synthesis({ figures, synthesis, printable = false, decisions }: SynthesisProps) {
  return (
    <section aria-labelledby="synthese" className={fr.cx("fr-mb-4w")}>
      {/* The h1 above says the day already: the heading names the region for assistive technologies. */}
      <h2 id="synthese" className={fr.cx("fr-sr-only")}>
        Synthèse au {formatShortDate(figures.asOf)}
      </h2>
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        {/* The figures, then what the reviews decided and what of it is late: one column. */}
        <div className={`${fr.cx("fr-col-12", "fr-col-md-6", "fr-col-lg-4")} defis-synthesis-stack`}>
          <KeyFigureChanges figures={figures} previousReview={synthesis.previousReview} />
          {decisions}
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-6", "fr-col-lg-3")}>
          {figures.forecast && <ForecastSummary forecast={figures.forecast} printable={printable} />}
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-lg-5")}>
          <LaureatesNeedingDecision synthesis={synthesis} printable={printable} />
        </div>
      </div>
    </section>
  );
}
