import { ratio, type PortfolioGroup } from "@defis/domain";
import { formatCents, formatCount, formatPercent } from "../../lib/format";
import { DataTable } from "../../components/DataTable";

interface GroupTableProps {
  caption: string;
  /** What a row is: "Catégorie", "Ministère"… */
  groupHeader: string;
  groups: PortfolioGroup[];
}

/** One split of the envelope: allocated, committed and paid per group, with the share paid. */
export function GroupTable({ caption, groupHeader, groups }: GroupTableProps) {
  return (
    <DataTable
      caption={caption}
      columns={[
        { header: groupHeader },
        { header: "Lauréats", numeric: true },
        { header: "Alloué", numeric: true },
        { header: "Engagé (EJ signés)", numeric: true },
        { header: "Versé", numeric: true },
        { header: "% versé", numeric: true },
      ]}
      rows={groups.map((group) => ({
        key: group.key,
        cells: [
          group.label,
          formatCount(group.laureates),
          formatCents(group.allocatedCents),
          formatCents(group.committedCents),
          formatCents(group.paidCents),
          formatPercent(ratio(group.paidCents, group.allocatedCents)),
        ],
      }))}
    />
  );
}
