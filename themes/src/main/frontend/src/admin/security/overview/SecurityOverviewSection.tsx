import {
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  EmptyState,
  EmptyStateBody,
  EmptyStateHeader,
  EmptyStateIcon,
  Grid,
  GridItem,
  Stack,
  StackItem,
} from "@patternfly/react-core";
import { ChartLineIcon } from "@patternfly/react-icons";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SecurityStats } from "../../../shared/generated/api";
import { LoadError, LoadingSection } from "../../../shared/states";
import type { SecurityApi } from "../api";
import { SectionCard } from "../components";
import { OverviewChart } from "./OverviewChart";
import { adoptionSeries, dailySeries, isQuiet, methodsInUse, total, type Activity } from "./overviewSeries";

/** The window the overview charts, in UTC days (today included). */
const DAYS = 30;

type Load = { state: "loading" } | { state: "error" } | { state: "ready"; stats: SecurityStats };

/** Top of Security settings: the last 30 days of sign-ins, failures, lockouts, refused addresses and 2FA adoption. */
export const SecurityOverviewSection = ({ api }: { api: SecurityApi }) => {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ state: "loading" });

  const fetchStats = useCallback(async () => {
    setLoad({ state: "loading" });
    try {
      setLoad({ state: "ready", stats: await api.stats(DAYS) });
    } catch {
      setLoad({ state: "error" });
    }
  }, [api]);
  useEffect(() => void fetchStats(), [fetchStats]);

  return (
    <SectionCard id="sc-overview" title={t("scOverview")}>
      {load.state === "loading" && <LoadingSection label={t("scOverviewLoading")} />}
      {load.state === "error" && (
        <div id="sc-overview-error">
          <LoadError
            title={t("scOverviewLoadFailed")}
            body={t("scOverviewLoadFailedBody")}
            retryId="sc-overview-retry"
            retryLabel={t("scRetry")}
            onRetry={() => void fetchStats()}
          />
        </div>
      )}
      {load.state === "ready" && <Overview stats={load.stats} />}
    </SectionCard>
  );
};

const Overview = ({ stats }: { stats: SecurityStats }) => {
  const { t } = useTranslation();
  if (isQuiet(stats)) {
    return (
      <EmptyState variant="sm" id="sc-overview-empty">
        <EmptyStateHeader titleText={t("scOverviewEmpty")} headingLevel="h3" icon={<EmptyStateIcon icon={ChartLineIcon} />} />
        <EmptyStateBody>{t("scOverviewEmptyBody", { count: stats.days })}</EmptyStateBody>
      </EmptyState>
    );
  }
  const series = (activity: Activity) => ({ name: t(`scOverview_${activity}`), points: dailySeries(stats, activity) });
  const activities: Activity[] = ["signIns", "failedSignIns", "lockouts", "deniedAddresses"];
  const days = { from: stats.from, to: stats.to };
  return (
    <Stack hasGutter>
      <StackItem>
        <p className="sc-hint">{t("scOverviewWindow", { count: stats.days })}</p>
      </StackItem>
      <StackItem>
        <DescriptionList id="sc-overview-totals" isCompact isAutoFit autoFitMinModifier={{ default: "9rem" }}>
          {activities.map((activity) => (
            <DescriptionListGroup key={activity} id={`sc-total-${activity}`}>
              <DescriptionListTerm>{t(`scOverview_${activity}`)}</DescriptionListTerm>
              <DescriptionListDescription>{total(dailySeries(stats, activity))}</DescriptionListDescription>
            </DescriptionListGroup>
          ))}
        </DescriptionList>
      </StackItem>
      <StackItem>
        <Grid hasGutter>
          <GridItem md={6} xl={4}>
            <OverviewChart
              id="sc-chart-sign-ins"
              title={t("scOverviewSignInsChart")}
              description={t("scOverviewSignInsChartDesc", { count: stats.days })}
              {...days}
              series={[series("signIns"), series("failedSignIns")]}
            />
          </GridItem>
          <GridItem md={6} xl={4}>
            <OverviewChart
              id="sc-chart-threats"
              title={t("scOverviewThreatsChart")}
              description={t("scOverviewThreatsChartDesc", { count: stats.days })}
              {...days}
              bars
              series={[series("lockouts"), series("deniedAddresses")]}
            />
          </GridItem>
          <GridItem md={12} xl={4}>
            <AdoptionChart stats={stats} />
          </GridItem>
        </Grid>
      </StackItem>
    </Stack>
  );
};

const AdoptionChart = ({ stats }: { stats: SecurityStats }) => {
  const { t } = useTranslation();
  const methods = methodsInUse(stats);
  if (methods.length === 0) {
    return (
      <figure id="sc-chart-adoption" className="sc-overview-chart">
        <figcaption className="pf-v5-u-font-weight-bold">{t("scOverviewAdoptionChart")}</figcaption>
        <p className="sc-hint">{t("scOverviewNoAdoption")}</p>
      </figure>
    );
  }
  return (
    <>
      <OverviewChart
        id="sc-chart-adoption"
        title={t("scOverviewAdoptionChart")}
        description={t("scOverviewAdoptionChartDesc", { count: stats.people })}
        from={stats.from}
        to={stats.to}
        series={methods.map((method) => ({ name: t(`scOverviewMethod_${method}`), points: adoptionSeries(stats, method) }))}
      />
      <p className="sc-hint" id="sc-adoption-note">
        {t("scOverviewAdoptionNote")}
      </p>
    </>
  );
};
