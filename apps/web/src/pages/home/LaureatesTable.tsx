import { Table } from "@codegouvfr/react-dsfr/Table";
import type { HealthSummary, LaureateListItem } from "@defis/domain";
import { Link } from "react-router";
import { formatCents } from "../../lib/format";
import { ROUTES } from "../../routes";
import { DeclaredWeather } from "../../features/progress/progress-badges";
import { categoryLabel, ministryLabel, territoryLabel } from "../../features/laureates/laureate-labels";

interface LaureatesTableProps {
  items: LaureateListItem[];
  caption: string;
  /** Declared météo and its flag, by laureate slug (absent while they load). */
  health: ReadonlyMap<string, HealthSummary> | undefined;
}

export function LaureatesTable({ items, caption, health }: LaureatesTableProps) {
  return (
    <Table
      caption={caption}
      fixed={false}
      headers={[
        "Lauréat",
        "Porteur du projet",
        "Catégorie",
        "Ministère",
        "Territoire",
        "Météo",
        "Montant alloué",
      ]}
      data={items.map((item) => [
        <Link key="title" to={ROUTES.laureate(item.slug)}>
          {item.title}
        </Link>,
        item.porteur,
        categoryLabel(item),
        ministryLabel(item),
        territoryLabel(item),
        <DeclaredWeather key="meteo" state={item.weather} health={health?.get(item.slug)} />,
        <span key="amount" className="defis-table-amount">
          {item.allocatedCents === null ? "non alloué" : formatCents(item.allocatedCents)}
        </span>,
      ])}
    />
  );
}
