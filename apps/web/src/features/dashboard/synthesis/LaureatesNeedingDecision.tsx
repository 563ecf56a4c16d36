import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { DECISION_REASONS, type DashboardSynthesis, type DecisionReason } from "@defis/domain";
import { Link } from "react-router";
import { formatCentsRounded, formatCount, pluralize } from "../../../lib/format";
import { ROUTES } from "../../../routes";
import { ShortList } from "./ShortList";

/** How many laureates the first screen lists; the others are one disclosure away. */
const SHOWN_ON_SCREEN = 4;

const SEVERITY = {
  orage: "error",
  meteo_a_verifier: "warning",
  tranches_en_retard: "warning",
  anomalies: "info",
} as const satisfies Record<DecisionReason["kind"], string>;

function reasonText(reason: DecisionReason): string {
  switch (reason.kind) {
    case "tranches_en_retard":
      return `${pluralize(reason.count, "tranche en retard", "tranches en retard")} (${formatCentsRounded(reason.amountCents)})`;
    case "anomalies":
      return pluralize(reason.count, "anomalie ouverte", "anomalies ouvertes");
    default:
      return DECISION_REASONS[reason.kind];
  }
}

function LaureateItem({ entry }: { entry: DashboardSynthesis["laureatesNeedingDecision"][number] }) {
  return (
    <>
      <Link to={ROUTES.laureate(entry.slug)} className={fr.cx("fr-text--sm")}>
        {entry.title}
      </Link>
      <ul className={fr.cx("fr-badges-group")} aria-label="Raisons">
        {entry.reasons.map((reason) => (
          <li key={reason.kind}>
            <Badge as="span" small severity={SEVERITY[reason.kind]} noIcon>
              {reasonText(reason)}
            </Badge>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Who needs a decision on the day and why, each reason as a worded badge. */
export function LaureatesNeedingDecision({
  synthesis,
  printable,
}: {
  synthesis: DashboardSynthesis;
  printable: boolean;
}) {
  const entries = synthesis.laureatesNeedingDecision;
  return (
    <section aria-labelledby="synthese-decisions-laureats" className="defis-synthesis-block">
      <h3 id="synthese-decisions-laureats" className={fr.cx("fr-h6", "fr-mb-1v")}>
        {entries.length === 0
          ? "Aucun lauréat n'appelle de décision"
          : `${pluralize(entries.length, "lauréat appelle", "lauréats appellent")} une décision`}
      </h3>
      <p className={fr.cx("fr-text--xs", "fr-mb-1v")}>
        {synthesis.includesTodayOnlyReasons
          ? "Météo orage ou à vérifier, tranches en retard, anomalies ouvertes."
          : "À une date passée : météo orage et tranches en retard (la météo à vérifier et les anomalies ne se recalculent qu'au jour même)."}
      </p>
      <ShortList
        items={entries}
        shownOnScreen={SHOWN_ON_SCREEN}
        printable={printable}
        keyOf={(entry) => entry.slug}
        render={(entry) => <LaureateItem entry={entry} />}
        moreLabel={(rest) =>
          rest === 1 ? "Voir l'autre lauréat" : `Voir les ${formatCount(rest)} autres lauréats`
        }
      />
    </section>
  );
}
