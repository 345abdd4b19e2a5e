import {
  Chart,
  ChartAxis,
  ChartBar,
  ChartGroup,
  ChartLine,
  ChartVoronoiContainer,
} from "@patternfly/react-charts";
import { useTranslation } from "react-i18next";
import { countTicks, datesBetween, shortDate, tickDates, type Point } from "./overviewSeries";

/** `color` is one of PatternFly's chart colours, chosen for what the series means (failures orange, lockouts red). */
export type Series = { name: string; points: Point[]; color: string };

type Props = {
  id: string;
  title: string;
  /** What the chart shows, for screen readers (the chart itself is a picture to them). */
  description: string;
  from: string;
  to: string;
  series: Series[];
  /** Bars for counts that are mostly 0 (lockouts, refused addresses), lines for what goes on every day. */
  bars?: boolean;
};

/** One chart of the overview: a value per UTC day for each series, a legend below, the value on hover. */
export const OverviewChart = ({ id, title, description, from, to, series, bars = false }: Props) => {
  const { i18n } = useTranslation();
  const dates = datesBetween(from, to);
  // days are placed by their index: Victory would take date strings for categories and misplace the ticks
  const label = (index: number) => shortDate(dates[index], i18n.language);
  const xTicks = tickDates(dates).map((date) => dates.indexOf(date));
  const yTicks = countTicks(Math.max(0, ...series.flatMap((s) => s.points.map((p) => p.y))));
  return (
    <figure id={id} className="sc-overview-chart">
      <figcaption className="pf-v5-u-font-weight-bold">{title}</figcaption>
      <Chart
        ariaTitle={title}
        ariaDesc={description}
        height={240}
        width={420}
        padding={{ top: 16, bottom: 72, left: 48, right: 24 }}
        domain={{ x: [0, Math.max(1, dates.length - 1)], y: [0, yTicks[yTicks.length - 1]] }}
        domainPadding={{ x: bars ? [8, 8] : [0, 0] }}
        legendData={series.map((s) => ({ name: s.name, symbol: { fill: s.color } }))}
        legendPosition="bottom"
        containerComponent={
          <ChartVoronoiContainer
            labels={({ datum }: { datum: { x: number; y: number; name: string } }) => `${label(datum.x)} · ${datum.name}: ${datum.y}`}
            constrainToVisibleArea
          />
        }
      >
        <ChartAxis tickValues={xTicks} tickFormat={label} />
        <ChartAxis dependentAxis showGrid tickValues={yTicks} />
        <ChartGroup offset={bars ? 6 : undefined}>
          {series.map((s) =>
            bars ? (
              <ChartBar key={s.name} name={s.name} barWidth={5} style={{ data: { fill: s.color } }} data={s.points.map((p, x) => ({ x, y: p.y, name: s.name }))} />
            ) : (
              <ChartLine key={s.name} name={s.name} style={{ data: { stroke: s.color } }} data={s.points.map((p, x) => ({ x, y: p.y, name: s.name }))} />
            ),
          )}
        </ChartGroup>
      </Chart>
    </figure>
  );
};
