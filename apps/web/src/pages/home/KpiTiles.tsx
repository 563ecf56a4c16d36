import { fr } from "@codegouvfr/react-dsfr";
import { ratio, type ProgrammeOverview } from "@defis/domain";
import { formatCentsRounded, formatCount, formatDate, formatPercent } from "../../lib/format";

interface Kpi {
  label: string;
  value: string;
  detail: string;
}

function kpisOf(overview: ProgrammeOverview): Kpi[] {
  const { programme } = overview;
  const demo = overview.demonstration ? " (démonstration)" : "";
  return [
    {
      label: "Enveloppe",
      value: formatCentsRounded(programme.envelopeCents),
      detail: programme.fundedBy,
    },
    {
      label: "Lauréats",
      value: formatCount(overview.laureates),
      detail: `Annoncés le ${formatDate(programme.laureatesAnnouncedOn)}`,
    },
    {
      label: `Alloué${demo}`,
      value: formatCentsRounded(overview.allocatedCents),
      detail: `${formatPercent(ratio(overview.allocatedCents, programme.envelopeCents))} de l'enveloppe`,
    },
    {
      label: `Réserve non allouée${demo}`,
      value: formatCentsRounded(overview.reserveCents),
      detail: `${formatPercent(ratio(overview.reserveCents, programme.envelopeCents))} de l'enveloppe`,
    },
  ];
}

export function KpiTiles({ overview }: { overview: ProgrammeOverview }) {
  return (
    <ul
      className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-mb-4w", "fr-raw-list")}
      aria-label="Chiffres clés"
    >
      {kpisOf(overview).map((kpi) => (
        <li key={kpi.label} className={fr.cx("fr-col-12", "fr-col-sm-6", "fr-col-lg-3")}>
          <div
            className={fr.cx("fr-p-3w")}
            style={{ border: `1px solid ${fr.colors.decisions.border.default.grey.default}`, height: "100%" }}
          >
            <p className={fr.cx("fr-text--sm", "fr-mb-1v")}>{kpi.label}</p>
            <p className="defis-kpi-value">{kpi.value}</p>
            <p className={fr.cx("fr-text--xs", "fr-mb-0", "fr-mt-1v")}>{kpi.detail}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}
