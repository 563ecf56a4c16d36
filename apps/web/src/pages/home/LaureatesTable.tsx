import { Table } from "@codegouvfr/react-dsfr/Table";
import type { LaureateListItem } from "@defis/domain";
import { Link } from "react-router";
import { formatCents } from "../../lib/format";
import { ROUTES } from "../../routes";
import { categoryLabel, ministryLabel, territoryLabel } from "./laureate-labels";

export function LaureatesTable({ items, caption }: { items: LaureateListItem[]; caption: string }) {
  return (
    <Table
      caption={caption}
      fixed={false}
      headers={["Lauréat", "Porteur du projet", "Catégorie", "Ministère", "Territoire", "Montant alloué"]}
      data={items.map((item) => [
        <Link key="title" to={ROUTES.laureate(item.slug)}>
          {item.title}
        </Link>,
        item.porteur,
        categoryLabel(item),
        ministryLabel(item),
        territoryLabel(item),
        <span key="amount" className="defis-table-amount">
          {item.allocatedCents === null ? "non alloué" : formatCents(item.allocatedCents)}
        </span>,
      ])}
    />
  );
}
