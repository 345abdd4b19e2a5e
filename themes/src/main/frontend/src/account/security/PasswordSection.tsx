import { useAccountAlerts, useEnvironment, type AccountEnvironment } from "@keycloak/keycloak-account-ui";
import { ActionGroup, Alert, Button, Form, FormHelperText, HelperText, HelperTextItem } from "@patternfly/react-core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, type FieldError } from "../../shared/apiError";
import { checklist } from "../../shared/passwordRules";
import { PasswordField } from "../../shared/PasswordField";
import { dateTime } from "../../shared/time";
import { changePassword, type Overview } from "./api";
import { PasswordStrengthMeter } from "./PasswordStrengthMeter";
import { LIST_RULES, useListCheck } from "./useListCheck";

type Fields = "currentPassword" | "newPassword" | "confirmation";
const EMPTY: Record<Fields, string> = { currentPassword: "", newPassword: "", confirmation: "" };

type Props = {
  password: Overview["password"];
  /** Called after a change: the rotation date moved and the other sessions are gone. */
  onChanged: () => void;
};

export function PasswordSection({ password, onChanged }: Props) {
  const { t } = useTranslation();
  const context = useEnvironment<AccountEnvironment>();
  const { addAlert } = useAccountAlerts();
  const [values, setValues] = useState(EMPTY);
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);

  // Rules the server refused stay marked until the password is edited again.
  const refusedRules = new Set(serverErrors.filter((e) => e.field === "newPassword").map((e) => e.rule));
  const rules = checklist(password.rules).map((rule) => ({
    ...rule,
    met: refusedRules.has(rule.key.replace("securityPasswordRule_", ""))
      ? false
      : values.newPassword === ""
        ? undefined
        : rule.check?.(values.newPassword),
  }));
  // the lists live on the server (the breach corpus behind it): it answers for the row while the user types
  const listsApply = password.rules.blockCommon || password.rules.blockBreached || password.rules.blockWords;
  const listCheck = useListCheck(values.newPassword, listsApply);
  const listRefused = serverErrors.some((e) => e.field === "newPassword" && e.rule !== undefined && LIST_RULES.has(e.rule));
  const listRow = listsApply && {
    key: listCheck.state === "unavailable" ? "securityPasswordRule_notListedUnavailable" : "securityPasswordRule_notListed",
    met: listRefused || listCheck.state === "failed" ? false : listCheck.state === "met" ? true : undefined,
  };
  const failingRule = rules.find(({ met }) => met === false) ?? (listRow && listRow.met === false ? listRow : undefined);
  const mismatch = values.confirmation !== "" && values.confirmation !== values.newPassword;
  const errorsOf = (field: Fields | "form") => serverErrors.filter((e) => e.field === field);
  // the server says from when the reminder shows, as the page after sign-in does
  const rotationDue = password.rotationDue !== null && password.rotationReminder;

  const update = (field: Fields) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setServerErrors((errors) => errors.filter((e) => e.field !== field));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (rules.some(({ met, check }) => met === false && check) || mismatch || !values.currentPassword || !values.newPassword) {
      return;
    }
    setSaving(true);
    try {
      await changePassword(context, values);
      setValues(EMPTY);
      setSubmitted(false);
      addAlert(t("securityPasswordChanged"));
      onChanged();
    } catch (error) {
      setServerErrors(
        error instanceof ApiError && error.errors.length > 0
          ? error.errors
          : [{ field: "form", message: t("securityPasswordChangeFailed") }],
      );
    } finally {
      setSaving(false);
    }
  };

  const invalid = (field: Fields, invalidHere: boolean) => invalidHere || errorsOf(field).length > 0;

  return (
    <Form onSubmit={submit} maxWidth="40rem" aria-labelledby="security-password-title" noValidate>
      {rotationDue && (
        <Alert
          isInline
          variant="warning"
          title={t(password.rotationOverdue ? "securityPasswordRotationOverdue" : "securityPasswordRotationDue", {
            date: dateTime(new Date(password.rotationDue!), context.environment.locale),
          })}
        />
      )}
      {errorsOf("form").map((e) => (
        <Alert key={e.message} isInline variant="danger" title={e.message} />
      ))}
      <PasswordField
        id="security-current-password"
        name="currentPassword"
        label={t("securityCurrentPassword")}
        autoComplete="current-password"
        value={values.currentPassword}
        onChange={update("currentPassword")}
        invalid={invalid("currentPassword", submitted && !values.currentPassword)}
        messages={[
          ...(submitted && !values.currentPassword ? [t("securityFieldRequired")] : []),
          ...errorsOf("currentPassword").map((e) => e.message),
        ]}
      />
      <PasswordField
        id="security-new-password"
        name="newPassword"
        label={t("securityNewPassword")}
        autoComplete="new-password"
        describedBy="security-password-rules"
        value={values.newPassword}
        onChange={update("newPassword")}
        invalid={invalid("newPassword", (submitted && !values.newPassword) || !!failingRule)}
        messages={[
          ...(submitted && !values.newPassword ? [t("securityFieldRequired")] : []),
          // The checklist marks the broken rules; these are the server's own words for what it refused.
          ...errorsOf("newPassword").map((e) => e.message),
        ]}
      >
        <FormHelperText>
          <HelperText id="security-password-rules" component="ul" isLiveRegion aria-label={t("securityPasswordRules")}>
            {rules.map(({ key, count, met }) => (
              <HelperTextItem
                key={key}
                component="li"
                hasIcon
                variant={met === undefined ? "indeterminate" : met ? "success" : "error"}
              >
                {t(key, { count })}
              </HelperTextItem>
            ))}
            {listRow && (
              <HelperTextItem
                key="notListed"
                component="li"
                hasIcon
                variant={listRow.met === undefined ? "indeterminate" : listRow.met ? "success" : "error"}
              >
                {t(listRow.key)}
              </HelperTextItem>
            )}
          </HelperText>
        </FormHelperText>
        <PasswordStrengthMeter password={values.newPassword} />
      </PasswordField>
      <PasswordField
        id="security-confirm-password"
        name="confirmation"
        label={t("securityConfirmPassword")}
        autoComplete="new-password"
        value={values.confirmation}
        onChange={update("confirmation")}
        invalid={invalid("confirmation", mismatch)}
        messages={[
          ...(mismatch ? [t("securityPasswordMismatch")] : []),
          ...errorsOf("confirmation").map((e) => e.message),
        ]}
      />
      <ActionGroup>
        <Button type="submit" variant="primary" isLoading={saving} isDisabled={saving}>
          {t("securityChangePassword")}
        </Button>
      </ActionGroup>
    </Form>
  );
}
