import { ratio, type PortfolioGroup } from "@defis/domain";
import { formatCents, formatCount, formatPercent } from "../../lib/format";
import { DataTable } from "../../components/DataTable";

interface GroupTableProps {
  caption: string;
  /** What a row is: "Catégorie", "Ministère"… */
  groupHeader: string;
  groups: PortfolioGroup[];
}

/**
 * One split of the envelope: allocated, committed or not, paid (with the
 * share paid), restes à payer and what milestones hold back, per group.
 */
export function GroupTable({ caption, groupHeader, groups }: GroupTableProps) {
  return (
    <DataTable
      caption={caption}
      columns={[
        { header: groupHeader },
        { header: "Lauréats", numeric: true },
        { header: "Alloué", numeric: true },
        { header: "Engagé", numeric: true },
        { header: "Non engagé", numeric: true },
        { header: "Versé", numeric: true },
        { header: "% versé", numeric: true },
        { header: "Restes à payer", numeric: true },
        { header: "Bloqué par un jalon", numeric: true },
      ]}
      rows={groups.map((group) => ({
        key: group.key,
        cells: [
          group.label,
          formatCount(group.laureates),
          formatCents(group.allocatedCents),
          formatCents(group.committedCents),
          formatCents(group.uncommittedCents),
          formatCents(group.paidCents),
          formatPercent(ratio(group.paidCents, group.allocatedCents)),
          formatCents(group.remainingToPayCents),
          formatCents(group.blockedByMilestoneCents),
        ],
      }))}
    />
  );
}
