import { Page, useEnvironment, type AccountEnvironment } from "@keycloak/keycloak-account-ui";
import {
  Card,
  CardBody,
  CardHeader,
  CardTitle,
  Stack,
  StackItem,
  Tab,
  Tabs,
  TabTitleText,
  Text,
  TextContent,
} from "@patternfly/react-core";
import { useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ActivitySection } from "./ActivitySection";
import { getOverview, type Overview } from "./api";
import { PasswordSection } from "./PasswordSection";
import { SecondFactorsList } from "./SecondFactorsList";
import { SessionsSection } from "./SessionsSection";
import { LoadError, LoadingSection } from "../../shared/states";
import { TwoFactorBanner } from "./TwoFactorBanner";
import { TwoFactorSection } from "./TwoFactorSection";
import "./security.css";

/** Profile ▸ Security: password, two-factor, sessions and the user's own security activity. */
export default function SecurityPage() {
  const { t } = useTranslation();
  const context = useEnvironment<AccountEnvironment>();
  const [tab, setTab] = useState<string | number>("overview");
  const [overview, setOverview] = useState<Overview>();
  const [failed, setFailed] = useState(false);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setFailed(false);
    getOverview(context, abort.signal)
      .then(setOverview)
      .catch(() => !abort.signal.aborted && setFailed(true));
    return () => abort.abort();
  }, [reload]);

  const refresh = () => setReload((n) => n + 1);

  return (
    <Page title={t("securityTitle")} description={t("securityDescription")}>
      <Tabs activeKey={tab} onSelect={(_, key) => setTab(key)} aria-label={t("securityTitle")} mountOnEnter unmountOnExit>
        <Tab eventKey="overview" title={<TabTitleText>{t("securityTabOverview")}</TabTitleText>}>
          <Stack hasGutter className="pf-v5-u-mt-md">
            {failed && !overview ? (
              <StackItem>
                <LoadError
                  title={t("securityLoadError")}
                  body={t("securityLoadErrorBody")}
                  retryLabel={t("securityRetry")}
                  onRetry={refresh}
                />
              </StackItem>
            ) : (
              <>
                {overview && (
                  <TwoFactorBanner
                    twoFactor={overview.twoFactor}
                    userId={context.keycloak.subject ?? ""}
                    realm={context.environment.realm}
                  />
                )}
                <Section id="security-password" title={t("securityPassword")}>
                  {!overview ? (
                    <LoadingSection label={t("securityLoading")} />
                  ) : overview.password.managedBySso ? (
                    <TextContent>
                      <Text component="p">{t("securityPasswordSso")}</Text>
                    </TextContent>
                  ) : (
                    <PasswordSection password={overview.password} onChanged={refresh} />
                  )}
                </Section>
                <Section id="security-two-factor" title={t("securityTwoFactor")}>
                  {!overview ? (
                    <LoadingSection label={t("securityLoading")} />
                  ) : (
                    <>
                      <TwoFactorSection twoFactor={overview.twoFactor} onChanged={refresh} />
                      <SecondFactorsList reload={reload} onChanged={refresh} />
                    </>
                  )}
                </Section>
                <Section id="security-sessions" title={t("securitySessions")}>
                  <SessionsSection reload={reload} />
                </Section>
              </>
            )}
          </Stack>
        </Tab>
        <Tab eventKey="activity" title={<TabTitleText>{t("securityActivity")}</TabTitleText>}>
          <div className="pf-v5-u-mt-md">
            <ActivitySection />
          </div>
        </Tab>
      </Tabs>
    </Page>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <StackItem>
      <Card id={id} component="section" aria-labelledby={`${id}-title`}>
        <CardHeader>
          <CardTitle id={`${id}-title`} component="h2">
            {title}
          </CardTitle>
        </CardHeader>
        <CardBody>{children}</CardBody>
      </Card>
    </StackItem>
  );
}
