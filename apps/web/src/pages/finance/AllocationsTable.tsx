import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { LaureateListItem, PortfolioGroup } from "@defis/domain";
import { Link } from "react-router";
import { formatCents } from "../../lib/format";
import { ROUTES } from "../../routes";
import { withAsOf } from "../../lib/use-as-of";
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
  /** A past day: the amounts are those of `figures`, as known at its end, and the links keep the day. */
  past?: string;
}

/** The allocated amount of every laureate, each linking to the laureate's finances. */
export function AllocationsTable({ laureates, caption, figures, onEdit, past }: AllocationsTableProps) {
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
        // Today the laureate's own row; a past day, its figures as known then.
        const { allocatedCents, committed, paidCents } =
          past === undefined
            ? laureate
            : {
                allocatedCents: money && money.allocatedCents > 0 ? money.allocatedCents : null,
                committed: money !== undefined && money.committedCents > 0,
                paidCents: money?.paidCents ?? 0,
              };
        const cells = [
          <Link key="title" to={withAsOf(ROUTES.laureateFinances(laureate.slug), past)}>
            {laureate.title} <span className={fr.cx("fr-sr-only")}>: ses finances</span>
          </Link>,
          ministryLabel(laureate),
          fundingModeLabel(laureate),
          allocatedCents === null ? "Non alloué" : formatCents(allocatedCents),
          committed ? "Oui" : "Non",
          formatCents(paidCents),
          // Restes à payer count only what is committed: the rest is said to be so, not shown as 0.
          money === undefined ? "…" : committed ? formatCents(money.remainingToPayCents) : "Non engagé",
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
