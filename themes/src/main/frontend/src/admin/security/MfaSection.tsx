import { Button, Checkbox, Form, FormGroup, HelperText, HelperTextItem, Label, Radio } from "@patternfly/react-core";
import { CheckCircleIcon, ExclamationCircleIcon, ExclamationTriangleIcon } from "@patternfly/react-icons";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MfaAdminStrength, MfaEnforcement, MfaMethod, MfaStatus, PolicyChoices, SecurityApi } from "./api";
import { ConfirmModal, FieldMessages, SectionCard, useToast } from "./components";
import type { SectionProps } from "./PolicySections";
import { RolePicker, roleLabel } from "./RolePicker";

const ENFORCEMENTS: MfaEnforcement[] = ["DISABLED", "OPTIONAL", "REQUIRED_ALL", "REQUIRED_ADMINS"];
const METHODS: MfaMethod[] = ["TOTP", "PASSKEY", "SMS", "EMAIL"];
const STRENGTHS: MfaAdminStrength[] = ["ANY", "PHISHING_RESISTANT"];

/** Red below 30 %, yellow up to 70 %, green above: always with an icon and the number, never colour alone. */
const AdoptionLabel = ({ status }: { status: MfaStatus }) => {
  const { t } = useTranslation();
  const [color, icon, level] =
    status.percent < 30
      ? (["red", <ExclamationCircleIcon key="i" />, "low"] as const)
      : status.percent <= 70
        ? (["gold", <ExclamationTriangleIcon key="i" />, "medium"] as const)
        : (["green", <CheckCircleIcon key="i" />, "high"] as const);
  return (
    <Label id="sc-mfa-status" color={color} icon={icon} data-level={level}>
      {t("scMfaStatus", { enabled: status.enabled, total: status.total, percent: status.percent })}
    </Label>
  );
};

/** People per method (one person with two methods counts under both). */
const AdoptionByMethod = ({ status }: { status: MfaStatus }) => {
  const { t } = useTranslation();
  return (
    <ul id="sc-mfa-by-method" className="sc-inline-list" aria-label={t("scMfaByMethod")}>
      {METHODS.map((m) => (
        <li key={m} data-method={m}>
          {t(`scMethodShort_${m}`)}: {status.byMethod[m]}
        </li>
      ))}
    </ul>
  );
};

export const MfaSection = ({
  api,
  status,
  canSend,
  choices,
  ...props
}: SectionProps & { api: SecurityApi; status?: MfaStatus; canSend: boolean; choices?: PolicyChoices }) => {
  const { t } = useTranslation();
  const toast = useToast();
  const { draft, update, readOnly, errorsOf, warningsOf } = props;
  const [recipients, setRecipients] = useState<number>();
  const adminsMatter = draft.mfa.enforcement === "REQUIRED_ALL" || draft.mfa.enforcement === "REQUIRED_ADMINS";

  const askToSend = async () => setRecipients((await api.reminders(true)).recipients);
  const send = async () => {
    setRecipients(undefined);
    try {
      const sent = (await api.reminders(false)).recipients;
      toast("success", t("scRemindersSent", { count: sent }));
    } catch {
      toast("danger", t("scRemindersFailed"));
    }
  };

  return (
    <SectionCard id="sc-mfa" title={t("scMfa")}>
      <Form onSubmit={(e) => e.preventDefault()}>
        <FormGroup label={t("scMfaEnforcement")} role="radiogroup" fieldId="sc-mfa-enforcement" isStack>
          {ENFORCEMENTS.map((e) => (
            <Radio
              key={e}
              id={`sc-mfa-${e}`}
              name="sc-mfa-enforcement"
              label={t(`scMfa_${e}`)}
              description={t(`scMfa_${e}_help`)}
              isChecked={draft.mfa.enforcement === e}
              isDisabled={readOnly}
              onChange={() => update((d) => void (d.mfa.enforcement = e))}
            />
          ))}
          <FieldMessages
            errors={errorsOf("mfa.enforcement")}
            warnings={warningsOf("MFA_REQUIRED_ALL", "MFA_REQUIRED_ADMINS", "MFA_NO_LONGER_REQUIRED")}
          />
        </FormGroup>
        {adminsMatter && (
          <FormGroup label={t("scMfaAdminRoles")} fieldId="sc-mfa-admin-roles">
            <RolePicker
              id="sc-mfa-admin-roles"
              label={t("scMfaAdminRoles")}
              selected={draft.mfa.adminRoles}
              choices={choices}
              placeholder={t("scMfaAdminRolesDefault")}
              isDisabled={readOnly}
              onChange={(roles) => update((d) => void (d.mfa.adminRoles = roles))}
            />
            {draft.mfa.adminRoles.length === 0 && choices && (
              <HelperText id="sc-mfa-admin-roles-default">
                <HelperTextItem>
                  {t("scMfaAdminRolesDefaultHelp", {
                    roles: choices.defaultAdminRoles.map((r) => roleLabel(r, choices)).join(", "),
                  })}
                </HelperTextItem>
              </HelperText>
            )}
            <FieldMessages
              errors={[
                ...errorsOf("mfa.adminRoles"),
                ...draft.mfa.adminRoles.flatMap((_r, i) => errorsOf(`mfa.adminRoles[${i}]`)),
              ]}
            />
          </FormGroup>
        )}
        {adminsMatter && (
          <FormGroup label={t("scMfaAdminStrength")} role="radiogroup" fieldId="sc-mfa-admin-strength" isStack>
            {STRENGTHS.map((s) => (
              <Radio
                key={s}
                id={`sc-mfa-strength-${s}`}
                name="sc-mfa-admin-strength"
                label={t(`scStrength_${s}`)}
                description={t(`scStrength_${s}_help`)}
                isChecked={draft.mfa.adminStrength === s}
                isDisabled={readOnly}
                onChange={() => update((d) => void (d.mfa.adminStrength = s))}
              />
            ))}
            <FieldMessages errors={errorsOf("mfa.adminStrength")} warnings={warningsOf("MFA_ADMINS_PASSKEY")} />
          </FormGroup>
        )}
        <FormGroup label={t("scMfaMethods")} role="group" fieldId="sc-mfa-methods" isStack>
          {METHODS.map((m) => (
            <Checkbox
              key={m}
              id={`sc-mfa-method-${m}`}
              label={t(`scMethod_${m}`)}
              description={t(`scMethod_${m}_help`)}
              isChecked={draft.mfa.methods.includes(m)}
              isDisabled={readOnly}
              onChange={(_e, checked) =>
                update((d) => {
                  d.mfa.methods = checked ? METHODS.filter((x) => x === m || d.mfa.methods.includes(x)) : d.mfa.methods.filter((x) => x !== m);
                })
              }
            />
          ))}
          <FieldMessages errors={errorsOf("mfa.methods")} />
        </FormGroup>
        <FormGroup label={t("scMfaAdoption")} fieldId="sc-mfa-status">
          {status && <AdoptionLabel status={status} />}
          {status && <AdoptionByMethod status={status} />}
        </FormGroup>
        {canSend && (
          <div>
            <Button id="sc-mfa-remind" variant="secondary" onClick={() => void askToSend()}>
              {t("scSendReminder")}
            </Button>
          </div>
        )}
      </Form>
      {recipients !== undefined && (
        <ConfirmModal
          id="sc-reminder-modal"
          title={t("scReminderTitle")}
          confirmLabel={t("scSend")}
          onConfirm={() => void send()}
          onCancel={() => setRecipients(undefined)}
        >
          {t("scReminderConfirm", { count: recipients })}
        </ConfirmModal>
      )}
    </SectionCard>
  );
};
