import { useNavigate } from "react-router";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Rectangle,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
} from "recharts";
import { formatCount, formatShortMonth } from "../../lib/format";
import { AXIS_PROPS, CHART_PROPS, LEGEND_PROPS, TOOLTIP_PROPS } from "./chart-theme";

export interface CountBar {
  key: string;
  label: string;
  count: number;
  color: string;
  pattern?: "hatch";
  /** Where the bar leads: the laureates it counts. */
  href?: string;
}

/** A hatch over a colour: a pattern that tells a group apart without its colour. */
function Hatches({ groups }: { groups: readonly { key: string; color: string; pattern?: "hatch" }[] }) {
  return (
    <defs>
      {groups
        .filter((group) => group.pattern === "hatch")
        .map((group) => (
          <pattern
            key={group.key}
            id={hatchId(group.key)}
            width="8"
            height="8"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="8" height="8" fill={group.color} />
            <line x1="0" y1="0" x2="0" y2="8" stroke="currentColor" strokeWidth="3" />
          </pattern>
        ))}
    </defs>
  );
}

const hatchId = (key: string) => `hachures-${key}`;

/** The fill of a group: its colour, or its hatch over it. */
const fillOf = (group: { key: string; color: string; pattern?: "hatch" }) =>
  group.pattern === "hatch" ? `url(#${hatchId(group.key)})` : group.color;

/** One bar per group (a météo level, a milestone outcome), in its own colour. */
export function CountBars({ bars }: { bars: CountBar[] }) {
  const navigate = useNavigate();
  return (
    <BarChart {...CHART_PROPS} data={bars}>
      <Hatches groups={bars} />
      <CartesianGrid vertical={false} />
      <XAxis dataKey="label" {...AXIS_PROPS} />
      <YAxis allowDecimals={false} tickFormatter={formatCount} width={40} {...AXIS_PROPS} />
      <Tooltip {...TOOLTIP_PROPS} formatter={(value) => formatCount(Number(value))} />
      <Bar
        dataKey="count"
        name="Nombre"
        shape={(props: BarShapeProps) => {
          const bar = props.payload as CountBar;
          return <Rectangle {...props} fill={fillOf(bar)} cursor={bar.href ? "pointer" : undefined} />;
        }}
        onClick={(bar: { payload?: CountBar }) => {
          if (bar.payload?.href) void navigate(bar.payload.href);
        }}
      />
    </BarChart>
  );
}

export interface StackSeries {
  key: string;
  label: string;
  color: string;
  pattern?: "hatch";
}

/** Counts by month, stacked by group: how a distribution moves over time. */
export function StackedMonthBars({
  months,
  series,
}: {
  months: { month: string; counts: Record<string, number> }[];
  series: StackSeries[];
}) {
  const data = months.map((month) => ({ month: month.month, ...month.counts }));
  return (
    <BarChart {...CHART_PROPS} data={data}>
      <Hatches groups={series} />
      <CartesianGrid vertical={false} />
      <XAxis dataKey="month" tickFormatter={formatShortMonth} {...AXIS_PROPS} />
      <YAxis allowDecimals={false} tickFormatter={formatCount} width={40} {...AXIS_PROPS} />
      <Tooltip {...TOOLTIP_PROPS} formatter={(value) => formatCount(Number(value))} />
      <Legend {...LEGEND_PROPS} />
      {series.map((item) => (
        <Bar key={item.key} dataKey={item.key} name={item.label} stackId="total" fill={fillOf(item)} />
      ))}
    </BarChart>
  );
}
