import { fr } from "@codegouvfr/react-dsfr";
import { ratio, type ProgrammeOverview } from "@defis/domain";
import { formatCents, formatPercent } from "../../lib/format";

interface Kpi {
  label: string;
  value: string;
  detail: string;
}

function kpisOf(overview: ProgrammeOverview): Kpi[] {
  const envelope = overview.programme.envelopeCents;
  const demo = overview.demonstration ? " (démonstration)" : "";
  return [
    { label: "Enveloppe", value: formatCents(envelope), detail: overview.programme.fundedBy },
    {
      label: `Alloué${demo}`,
      value: formatCents(overview.allocatedCents),
      detail: `${formatPercent(ratio(overview.allocatedCents, envelope))} de l'enveloppe`,
    },
    {
      label: `Réserve non allouée${demo}`,
      value: formatCents(overview.reserveCents),
      detail: `${formatPercent(ratio(overview.reserveCents, envelope))} de l'enveloppe`,
    },
    {
      label: `Engagé (EJ signés)${demo}`,
      value: formatCents(overview.committedCents),
      detail: `Autorisations d'engagement consommées : ${formatPercent(ratio(overview.committedCents, overview.allocatedCents))} du montant alloué`,
    },
    {
      label: `Versé${demo}`,
      value: formatCents(overview.paidCents),
      detail: "Crédits de paiement consommés, contre-passations déduites",
    },
    {
      label: `Restes à payer${demo}`,
      value: formatCents(overview.remainingToPayCents),
      detail: "Engagé moins versé",
    },
    {
      label: `% versé${demo}`,
      value: formatPercent(ratio(overview.paidCents, overview.allocatedCents)),
      detail: "Du montant alloué",
    },
  ];
}

/** The envelope at a glance; every tile says the day its figure was read. */
export function FinanceKpis({ overview, asOf }: { overview: ProgrammeOverview; asOf: string }) {
  return (
    <ul
      className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-mb-4w", "fr-raw-list")}
      aria-label="Chiffres clés de l'enveloppe"
    >
      {kpisOf(overview).map((kpi) => (
        <li key={kpi.label} className={fr.cx("fr-col-12", "fr-col-sm-6", "fr-col-lg-3")}>
          <div
            className={fr.cx("fr-p-3w")}
            style={{ border: `1px solid ${fr.colors.decisions.border.default.grey.default}`, height: "100%" }}
          >
            <p className={fr.cx("fr-text--sm", "fr-mb-1v")}>{kpi.label}</p>
            <p className="defis-kpi-value">{kpi.value}</p>
            <p className={fr.cx("fr-text--xs", "fr-mb-0", "fr-mt-1v")}>
              {kpi.detail}
              <br />
              {asOf}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
