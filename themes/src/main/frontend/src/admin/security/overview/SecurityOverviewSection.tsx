import {
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  EmptyState,
  EmptyStateBody,
  EmptyStateHeader,
  EmptyStateIcon,
  Flex,
  Grid,
  GridItem,
  Stack,
  StackItem,
} from "@patternfly/react-core";
import { ChartLineIcon } from "@patternfly/react-icons";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MfaMethod, SecurityStats } from "../../../shared/generated/api";
import { LoadError, LoadingSection } from "../../../shared/states";
import type { SecurityApi } from "../api";
import { SectionCard } from "../components";
import { OverviewChart } from "./OverviewChart";
import { adoptionSeries, dailySeries, isQuiet, methodsInUse, total, type Activity } from "./overviewSeries";

/** The window the overview charts, in UTC days (today included). */
const DAYS = 30;

/** PatternFly's chart palette (blue 300, orange 300, red 100, gold 400; then blue, green, purple, cyan per method). */
const COLORS: Record<Activity, string> = {
  signIns: "#0066cc",
  failedSignIns: "#ec7a08",
  lockouts: "#c9190b",
  deniedAddresses: "#c58c00",
};
const METHOD_COLORS: Record<MfaMethod, string> = { TOTP: "#0066cc", SMS: "#4cb140", EMAIL: "#5752d1", PASSKEY: "#009596" };

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
  const series = (activity: Activity) => ({
    name: t(`scOverview_${activity}`),
    points: dailySeries(stats, activity),
    color: COLORS[activity],
  });
  const activities: Activity[] = ["signIns", "failedSignIns", "lockouts", "deniedAddresses"];
  const days = { from: stats.from, to: stats.to };
  return (
    <Stack hasGutter>
      <StackItem>
        <p className="sc-hint">{t("scOverviewWindow", { count: stats.days })}</p>
      </StackItem>
      <StackItem>
        <Flex id="sc-overview-totals" spaceItems={{ default: "spaceItems3xl" }}>
          {activities.map((activity) => (
            <DescriptionList key={activity} id={`sc-total-${activity}`} isCompact>
              <DescriptionListGroup>
                <DescriptionListTerm>{t(`scOverview_${activity}`)}</DescriptionListTerm>
                <DescriptionListDescription>{total(dailySeries(stats, activity))}</DescriptionListDescription>
              </DescriptionListGroup>
            </DescriptionList>
          ))}
        </Flex>
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
        series={methods.map((method) => ({
          name: t(`scOverviewMethod_${method}`),
          points: adoptionSeries(stats, method),
          color: METHOD_COLORS[method],
        }))}
      />
      <p className="sc-hint" id="sc-adoption-note">
        {t("scOverviewAdoptionNote")}
      </p>
    </>
  );
};
