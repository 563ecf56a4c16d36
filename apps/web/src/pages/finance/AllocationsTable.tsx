import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { LaureateListItem, PortfolioGroup } from "@defis/domain";
import { Link } from "react-router";
import { formatCents } from "../../lib/format";
import { ROUTES } from "../../routes";
import { fundingModeLabel, ministryLabel } from "../../features/laureates/laureate-labels";
import { DataTable, type TableColumn } from "../../components/DataTable";

export const allocationButtonId = (slug: string) => `allocation-${slug}-modifier`;

interface AllocationsTableProps {
  laureates: LaureateListItem[];
  caption: string;
  /** Each laureate's money figures (`programme.overview`'s byLaureate), by slug; empty until read. */
  figures: ReadonlyMap<string, PortfolioGroup>;
  /** Given to those who may move money: a button per row. */
  onEdit?: (laureate: LaureateListItem) => void;
}

/** The allocated amount of every laureate, each linking to the laureate's finances. */
export function AllocationsTable({ laureates, caption, figures, onEdit }: AllocationsTableProps) {
  const columns: TableColumn[] = [
    { header: "Lauréat" },
    { header: "Ministère" },
    { header: "Mode de financement" },
    { header: "Montant alloué", numeric: true },
    { header: "Engagé" },
    { header: "Versé", numeric: true },
    { header: "Restes à payer", numeric: true },
    { header: "Bloqué par un jalon", numeric: true },
  ];
  if (onEdit) columns.push({ header: "Actions" });
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={laureates.map((laureate) => {
        const money = figures.get(laureate.slug);
        const cells = [
          <Link key="title" to={ROUTES.laureateFinances(laureate.slug)}>
            {laureate.title} <span className={fr.cx("fr-sr-only")}>: ses finances</span>
          </Link>,
          ministryLabel(laureate),
          fundingModeLabel(laureate),
          laureate.allocatedCents === null ? "Non alloué" : formatCents(laureate.allocatedCents),
          laureate.committed ? "Oui" : "Non",
          formatCents(laureate.paidCents),
          // Restes à payer count only what is committed: the rest is said to be so, not shown as 0.
          money === undefined
            ? "…"
            : laureate.committed
              ? formatCents(money.remainingToPayCents)
              : "Non engagé",
          money === undefined ? "…" : formatCents(money.blockedByMilestoneCents),
        ];
        if (onEdit)
          cells.push(
            <Button
              key="edit"
              size="small"
              priority="secondary"
              nativeButtonProps={{ id: allocationButtonId(laureate.slug) }}
              onClick={() => onEdit(laureate)}
            >
              Modifier l'allocation <span className={fr.cx("fr-sr-only")}>de « {laureate.title} »</span>
            </Button>,
          );
        return { key: laureate.slug, cells };
      })}
    />
  );
}
