import { fr } from "@codegouvfr/react-dsfr";
import { ADOPTION_STAGES, WEATHER_LEVELS, type ReviewChanges } from "@defis/domain";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { DataTable, type TableColumn } from "../../components/DataTable";
import { formatCents, formatDate, formatShortDate, formatSignedCents } from "../../lib/format";
import { ROUTES } from "../../routes";

interface ChangeTableProps<Row> {
  id: string;
  title: string;
  rows: Row[];
  columns: TableColumn[];
  cells: (row: Row) => ReactNode[];
}

/** One kind of change: a table whose first column names the laureate, or a sentence when there is none. */
export function ChangeTable<Row extends { slug: string; title: string }>({
  id,
  title,
  rows,
  columns,
  cells,
}: ChangeTableProps<Row>) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className={fr.cx("fr-h5")}>
        {title}
      </h3>
      {rows.length === 0 ? (
        <p>Aucun changement.</p>
      ) : (
        <DataTable
          caption={title}
          fixedLayout
          columns={[{ header: "Lauréat" }, ...columns]}
          rows={rows.map((row, index) => ({
            key: `${row.slug}-${String(index)}`,
            cells: [<Link to={ROUTES.laureate(row.slug)}>{row.title}</Link>, ...cells(row)],
          }))}
        />
      )}
    </section>
  );
}

const weatherName = (level: keyof typeof WEATHER_LEVELS | null) =>
  level === null ? "Non déclarée" : WEATHER_LEVELS[level];

/** What changed, laureate by laureate, since the previous review. */
export function ReviewChangesSection({ changes }: { changes: ReviewChanges | null }) {
  if (changes === null) {
    return (
      <section aria-labelledby="revue-changements">
        <h2 id="revue-changements">Ce qui a changé</h2>
        <p>C'est la première revue : il n'y a pas de revue précédente à laquelle la comparer.</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="revue-changements">
      <h2 id="revue-changements">Ce qui a changé depuis la revue du {formatDate(changes.previousAsOf)}</h2>
      <ChangeTable
        id="changements-meteo"
        title="Changements de météo"
        rows={changes.weather}
        columns={[{ header: "Avant" }, { header: "Maintenant" }]}
        cells={(row) => [weatherName(row.from), weatherName(row.to)]}
      />
      <ChangeTable
        id="changements-versements"
        title="Versements effectués"
        rows={changes.payments}
        columns={[{ header: "Versé depuis", numeric: true }]}
        cells={(row) => [formatSignedCents(row.paidCents)]}
      />
      <ChangeTable
        id="changements-allocations"
        title="Mouvements d'allocation"
        rows={changes.allocations}
        columns={[
          { header: "Alloué avant", numeric: true },
          { header: "Alloué maintenant", numeric: true },
          { header: "Écart", numeric: true },
        ]}
        cells={(row) => [
          formatCents(row.fromCents),
          formatCents(row.toCents),
          formatSignedCents(row.toCents - row.fromCents),
        ]}
      />
      <ChangeTable
        id="changements-jalons-atteints"
        title="Jalons atteints"
        rows={changes.milestonesReached}
        columns={[{ header: "Jalon" }, { header: "Atteint le" }, { header: "Délai" }]}
        cells={(row) => [row.milestone, formatShortDate(row.reachedOn), row.onTime ? "À temps" : "En retard"]}
      />
      <ChangeTable
        id="changements-jalons-glisses"
        title="Jalons qui ont glissé"
        rows={changes.milestonesSlipped}
        columns={[
          { header: "Jalon" },
          { header: "Échéance avant" },
          { header: "Échéance maintenant" },
          { header: "Situation" },
        ]}
        cells={(row) => [
          row.milestone,
          formatShortDate(row.fromDueOn),
          formatShortDate(row.toDueOn),
          row.late ? "En retard" : "Reporté",
        ]}
      />
      <ChangeTable
        id="changements-risques"
        title="Nouveaux risques et blocages"
        rows={changes.newRisks}
        columns={[{ header: "Écrit le" }, { header: "Risque" }]}
        cells={(row) => [formatShortDate(row.writtenOn), row.body]}
      />
      <ChangeTable
        id="changements-adoptions"
        title="Adoptions"
        rows={changes.adoptions}
        columns={[{ header: "Organisation" }, { header: "Avant" }, { header: "Maintenant" }]}
        cells={(row) => [
          row.organisation,
          row.from === null ? "Non enregistrée" : ADOPTION_STAGES[row.from],
          ADOPTION_STAGES[row.to],
        ]}
      />
    </section>
  );
}
