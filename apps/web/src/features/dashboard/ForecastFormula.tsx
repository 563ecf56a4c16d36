import { fr } from "@codegouvfr/react-dsfr";
import { CATEGORIES, labelFrom, MIN_PAID_TRANCHES_PER_CATEGORY, type DashboardForecast } from "@defis/domain";
import { DataDisclosure } from "../../components/DataDisclosure";
import { DataTable } from "../../components/DataTable";
import { formatCents, formatCount, formatShortDate } from "../../lib/format";
import { ROUTES } from "../../routes";
import { Link } from "react-router";

const days = (value: number) => `${formatCount(value)} j`;

const SLIPPAGE_CAPTION = "Glissement des tranches payées (jours entre date prévue et date payée)";
const CARRIERS_CAPTION = "Montant qui serait versé après la date limite, par lauréat (ligne centrale)";

/**
 * The formula of the forecast, said on the page (docs/pilotage.md says it
 * too), with the slippage it read and the laureates that carry what would
 * be paid after the deadline.
 */
export function ForecastFormula({ forecast }: { forecast: DashboardForecast }) {
  return (
    <>
      <p className={fr.cx("fr-text--sm")}>
        Atterrissage au {formatShortDate(forecast.asOf)} : chaque tranche ouverte ce jour-là serait payée à sa
        date prévue augmentée du glissement observé sur les tranches déjà payées de sa catégorie (écart entre
        date payée et date prévue) : la médiane pour la ligne centrale, le premier et le troisième quartile
        pour la fourchette, jamais avant le lendemain de l'état. Une catégorie de moins de{" "}
        {MIN_PAID_TRANCHES_PER_CATEGORY} tranches payées prend le glissement de l'ensemble. Seul ce qui était
        connu ce jour-là compte.
      </p>
      <DataDisclosure summary="Voir le glissement observé par catégorie" label={SLIPPAGE_CAPTION}>
        <DataTable
          caption={SLIPPAGE_CAPTION}
          fixedLayout
          columns={[
            { header: "Catégorie" },
            { header: "Tranches payées", numeric: true },
            { header: "Premier quartile", numeric: true },
            { header: "Médiane", numeric: true },
            { header: "Troisième quartile", numeric: true },
          ]}
          rows={[
            {
              key: "ensemble",
              cells: [
                "Ensemble",
                formatCount(forecast.overall.paidTranches),
                days(forecast.overall.earlyDays),
                days(forecast.overall.medianDays),
                days(forecast.overall.lateDays),
              ],
            },
            ...forecast.byCategory.map((entry) => ({
              key: entry.category,
              cells: [
                `${labelFrom(CATEGORIES, entry.category)}${entry.usesOverall ? " (glissement de l'ensemble)" : ""}`,
                formatCount(entry.ownPaidTranches),
                days(entry.earlyDays),
                days(entry.medianDays),
                days(entry.lateDays),
              ],
            })),
          ]}
        />
      </DataDisclosure>
      {forecast.laureatesAfterDeadline.length > 0 && (
        <DataDisclosure
          summary="Voir les lauréats qui portent le montant après la date limite"
          label={CARRIERS_CAPTION}
        >
          <DataTable
            caption={CARRIERS_CAPTION}
            fixedLayout
            columns={[
              { header: "Lauréat" },
              { header: "Tranches", numeric: true },
              { header: "Montant", numeric: true },
            ]}
            rows={forecast.laureatesAfterDeadline.map((carrier) => ({
              key: carrier.laureateId,
              cells: [
                <Link key="name" to={ROUTES.laureate(carrier.slug)}>
                  {carrier.title}
                </Link>,
                formatCount(carrier.tranches),
                formatCents(carrier.amountCents),
              ],
            }))}
          />
        </DataDisclosure>
      )}
    </>
  );
}
