import type { ReactNode } from "react";
import { ChartFrame } from "../../components/ChartFrame";
import { formatMonth } from "../../lib/format";
import { frameData, type Dataset } from "./chart-data";
import { CountBars, StackedMonthBars } from "./CountBars";

/** A group the laureates or milestones fall in (a météo level, a milestone outcome), in its own colour. */
export interface Category<Key extends string> {
  key: Key;
  label: string;
  color: string;
  /** Drawn over the colour, so that the category is told apart without it. */
  pattern?: "hatch";
  /** Where its bar and its table row lead: the list of what it counts. */
  href?: string;
}

/** A dashboard chart that opens on its finding, beside the table and the file of the same dataset. */
function DatasetChart({
  headingId,
  title,
  asOf,
  dataset,
  chart,
  children,
  wide = false,
}: {
  headingId: string;
  title: string;
  asOf: string;
  dataset: Dataset;
  chart: ReactNode;
  children?: ReactNode;
  wide?: boolean;
}) {
  const { table, download } = frameData(dataset);
  return (
    <ChartFrame
      headingId={headingId}
      title={title}
      dataDate={asOf}
      interactive
      wide={wide}
      table={table}
      download={download}
      chart={chart}
    >
      {children}
    </ChartFrame>
  );
}

interface CategoryChartProps<Key extends string> {
  headingId: string;
  /** The finding the chart shows. */
  title: string;
  asOf: string;
  caption: string;
  fileName: string;
  categories: Category<Key>[];
}

/** How many fall in each category on the day: one bar each, beside the table of the same counts. */
export function CategoryCountChart<Key extends string>({
  caption,
  fileName,
  categories,
  headers,
  counts,
  children,
  ...frame
}: CategoryChartProps<Key> & {
  /** The table's two headers: the category, then what it counts. */
  headers: [string, string];
  counts: Record<Key, number>;
  children?: ReactNode;
}) {
  const dataset: Dataset = {
    caption,
    fileName,
    columns: [
      { header: headers[0], kind: "text" },
      { header: headers[1], kind: "count" },
    ],
    rows: categories.map((category) => ({
      key: category.key,
      href: category.href,
      cells: [category.label, counts[category.key]],
    })),
  };
  return (
    <DatasetChart
      {...frame}
      dataset={dataset}
      chart={
        <CountBars bars={categories.map((category) => ({ ...category, count: counts[category.key] }))} />
      }
    >
      {children}
    </DatasetChart>
  );
}

/** The same categories month after month, stacked: how the distribution moves. */
export function CategoryTimelineChart<Key extends string>({
  caption,
  fileName,
  categories,
  monthHeader,
  months,
  ...frame
}: CategoryChartProps<Key> & {
  monthHeader: string;
  months: { month: string; counts: Record<Key, number> }[];
}) {
  const dataset: Dataset = {
    caption,
    fileName,
    columns: [
      { header: monthHeader, kind: "text" },
      ...categories.map((category) => ({ header: category.label, kind: "count" as const })),
    ],
    rows: months.map((month) => ({
      key: month.month,
      cells: [formatMonth(month.month), ...categories.map((category) => month.counts[category.key])],
    })),
  };
  return (
    <DatasetChart
      {...frame}
      dataset={dataset}
      wide
      chart={
        <StackedMonthBars
          months={months}
          series={categories.map(({ key, label, color, pattern }) => ({ key, label, color, pattern }))}
        />
      }
    />
  );
}
