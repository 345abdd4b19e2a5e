import { Checkbox, Form, FormGroup } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import type { SecurityPolicy } from "./api";
import { FieldMessages, SectionCard } from "./components";
import type { SectionProps } from "./PolicySections";

type Switch = keyof SecurityPolicy["notifications"];

/** Which security mails the realm sends; users may opt out of the first two on their Notifications page. */
export const NotificationsSection = ({ draft, update, readOnly, errorsOf }: SectionProps) => {
  const { t } = useTranslation();
  const switches: [Switch, string, string][] = [
    ["newSignIn", "sc-notify-new-sign-in", "scNotifyNewSignIn"],
    ["credentialChanges", "sc-notify-credential-changes", "scNotifyCredentialChanges"],
    ["adminEachLockout", "sc-notify-admin-each-lockout", "scNotifyAdminEachLockout"],
  ];
  return (
    <SectionCard id="sc-notifications" title={t("scNotifications")}>
      <Form onSubmit={(e) => e.preventDefault()}>
        <FormGroup fieldId="sc-notifications-switches" role="group" isStack>
          {switches.map(([key, id, label]) => (
            <div key={key}>
              <Checkbox
                id={id}
                label={t(label)}
                description={t(`${label}Help`)}
                isChecked={draft.notifications[key]}
                isDisabled={readOnly}
                onChange={(_e, checked) => update((d) => void (d.notifications[key] = checked))}
              />
              <FieldMessages errors={errorsOf(`notifications.${key}`)} />
            </div>
          ))}
        </FormGroup>
      </Form>
    </SectionCard>
  );
};
