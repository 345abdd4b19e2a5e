import { Checkbox, Form, FormGroup, HelperText, HelperTextItem, Switch, TextInput } from "@patternfly/react-core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SecurityPolicy } from "./api";
import { FieldMessages, SectionCard, SelectField, type Option } from "./components";

export type SectionProps = {
  draft: SecurityPolicy;
  update: (change: (p: SecurityPolicy) => void) => void;
  readOnly: boolean;
  /** the server's validation errors for one field path */
  errorsOf: (field: string) => string[];
  /** the preview's warnings with the given codes, in the console's words */
  warningsOf: (...codes: string[]) => string[];
};

const numbers = (values: (number | null)[], label: (v: number | null) => string): Option[] =>
  values.map((value) => ({ value, label: label(value) }));

export const PasswordSection = ({ draft, update, readOnly, errorsOf, warningsOf }: SectionProps) => {
  const { t } = useTranslation();
  const p = draft.password;
  const classes = [
    ["requireUppercase", "scUppercase"],
    ["requireLowercase", "scLowercase"],
    ["requireDigits", "scDigits"],
    ["requireSpecial", "scSpecial"],
  ] as const;
  const summary = t("scPasswordSummary", {
    length: p.minLength ?? "-",
    complexity: classes.filter(([k]) => p[k]).map(([, label]) => t(`${label}Required`)).join(", ") || t("scNone"),
    expiry: p.expiryDays === 0 ? t("scNeverExpires") : t("scDaysValue", { count: p.expiryDays }),
    reuse: p.preventReuse,
  });
  return (
    <SectionCard id="sc-password" title={t("scPasswordPolicy")}>
      <p className="pf-v5-screen-reader" id="sc-password-summary">
        {summary}
      </p>
      <Form onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="sc-password-min-length"
          label={t("scMinLength")}
          unit={t("scCharacters")}
          value={p.minLength}
          options={numbers([8, 10, 12, 14, 16, 20], String)}
          onChange={(v) => update((d) => void (d.password.minLength = v))}
          isDisabled={readOnly}
          errors={errorsOf("password.minLength")}
          warnings={warningsOf("PASSWORD_POLICY_STRONGER", "PASSWORD_COMPLIANCE_UNKNOWN")}
        />
        <FormGroup label={t("scComplexity")} fieldId="sc-password-complexity" role="group" isStack>
          {classes.map(([key, label]) => (
            <Checkbox
              key={key}
              id={`sc-password-${key}`}
              label={t(label)}
              isChecked={p[key]}
              isDisabled={readOnly}
              onChange={(_e, checked) => update((d) => void (d.password[key] = checked))}
            />
          ))}
          {p.blockCommon && (
            <HelperText id="sc-password-complexity-optional">
              <HelperTextItem>{t("scComplexityOptional")}</HelperTextItem>
            </HelperText>
          )}
          <HelperText id="sc-password-complexity-nist">
            <HelperTextItem>{t("scNistComposition")}</HelperTextItem>
          </HelperText>
          <FieldMessages errors={errorsOf("password.complexity")} />
        </FormGroup>
        <FormGroup label={t("scCommonPasswords")} fieldId="sc-password-block-common">
          <Switch
            id="sc-password-block-common"
            label={t("scBlockCommon")}
            isChecked={p.blockCommon}
            isDisabled={readOnly}
            onChange={(_e, on) => update((d) => void (d.password.blockCommon = on))}
          />
          <FieldMessages errors={errorsOf("password.blockCommon")} />
        </FormGroup>
        <FormGroup label={t("scBreachedPasswords")} fieldId="sc-password-block-breached">
          <Switch
            id="sc-password-block-breached"
            label={t("scBlockBreached")}
            isChecked={p.blockBreached}
            isDisabled={readOnly}
            onChange={(_e, on) => update((d) => void (d.password.blockBreached = on))}
          />
          <HelperText>
            <HelperTextItem>{t("scBlockBreachedHelp")}</HelperTextItem>
          </HelperText>
          <FieldMessages errors={errorsOf("password.blockBreached")} />
        </FormGroup>
        <BlockedWordsField words={p.blockedWords} update={update} readOnly={readOnly} errorsOf={errorsOf} />
        <SelectField
          id="sc-password-expiry"
          label={t("scPasswordExpiry")}
          unit={t("scExpiryUnit")}
          value={p.expiryDays}
          options={numbers([0, 30, 60, 90, 180, 365], String)}
          onChange={(v) => update((d) => void (d.password.expiryDays = v ?? 0))}
          isDisabled={readOnly}
          errors={errorsOf("password.expiryDays")}
        />
        <HelperText id="sc-password-expiry-nist" className="sc-field-note">
          <HelperTextItem>{t("scNistExpiry")}</HelperTextItem>
        </HelperText>
        <SelectField
          id="sc-password-reuse"
          label={t("scPreventReuse")}
          unit={t("scLastPasswords")}
          value={p.preventReuse}
          options={numbers([0, 3, 5, 10, 15], String)}
          onChange={(v) => update((d) => void (d.password.preventReuse = v ?? 0))}
          isDisabled={readOnly}
          errors={errorsOf("password.preventReuse")}
        />
      </Form>
    </SectionCard>
  );
};

/** Comma-separated words; the text is kept as typed so a trailing comma survives until the next word. */
const BlockedWordsField = ({
  words,
  update,
  readOnly,
  errorsOf,
}: { words: string[] } & Pick<SectionProps, "update" | "readOnly" | "errorsOf">) => {
  const { t } = useTranslation();
  const [text, setText] = useState(words.join(", "));
  const joined = words.join(", ");
  useEffect(() => {
    // a reload or Cancel replaces the words: show them
    setText((current) => (parse(current).join(", ") === joined ? current : joined));
  }, [joined]);
  const errors = [
    ...errorsOf("password.blockedWords"),
    ...words.flatMap((_, i) => errorsOf(`password.blockedWords[${i}]`)),
  ];
  return (
    <FormGroup label={t("scBlockedWords")} fieldId="sc-password-blocked-words">
      <TextInput
        id="sc-password-blocked-words"
        value={text}
        isDisabled={readOnly}
        placeholder="Acme, Roadrunner"
        validated={errors.length ? "error" : "default"}
        onChange={(_e, value) => {
          setText(value);
          update((d) => void (d.password.blockedWords = parse(value)));
        }}
      />
      <HelperText>
        <HelperTextItem>{t("scBlockedWordsHelp")}</HelperTextItem>
      </HelperText>
      <FieldMessages errors={errors} />
    </FormGroup>
  );
};

const parse = (text: string) =>
  text
    .split(",")
    .map((word) => word.trim())
    .filter((word) => word.length > 0);

export const SessionSection = ({ draft, update, readOnly, errorsOf, warningsOf }: SectionProps) => {
  const { t } = useTranslation();
  const s = draft.sessions;
  return (
    <SectionCard id="sc-sessions" title={t("scSessionManagement")}>
      <Form onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="sc-sessions-idle"
          label={t("scIdleTimeout")}
          unit={t("scMinutes")}
          value={s.idleTimeoutMinutes}
          options={numbers([15, 30, 60, 120, 240, null], (v) => (v === null ? t("scNever") : String(v)))}
          onChange={(v) => update((d) => void (d.sessions.idleTimeoutMinutes = v))}
          isDisabled={readOnly}
          errors={errorsOf("sessions.idleTimeoutMinutes")}
          warnings={warningsOf("IDLE_TIMEOUT_SHORTER", "IDLE_TIMEOUT_NEVER")}
        />
        <SelectField
          id="sc-sessions-max"
          label={t("scMaxLifetime")}
          unit={t("scMaxLifetimeUnit")}
          value={s.maxLifetimeHours}
          options={numbers([8, 12, 24, 48, 168], (v) => (v === 168 ? t("scSevenDays") : String(v)))}
          onChange={(v) => update((d) => void (d.sessions.maxLifetimeHours = v ?? 24))}
          isDisabled={readOnly}
          errors={errorsOf("sessions.maxLifetimeHours")}
        />
        <SelectField
          id="sc-sessions-concurrent"
          label={t("scConcurrentSessions")}
          unit={t("scDevicesMax")}
          value={s.maxConcurrentSessions}
          options={numbers([1, 2, 3, 5, null], (v) => (v === null ? t("scUnlimited") : String(v)))}
          onChange={(v) => update((d) => void (d.sessions.maxConcurrentSessions = v))}
          isDisabled={readOnly}
          errors={errorsOf("sessions.maxConcurrentSessions")}
          warnings={warningsOf("SESSIONS_OVER_LIMIT")}
        />
      </Form>
    </SectionCard>
  );
};

export const LockoutSection = ({ draft, update, readOnly, errorsOf, warningsOf }: SectionProps) => {
  const { t } = useTranslation();
  const l = draft.lockout;
  return (
    <SectionCard id="sc-lockout" title={t("scFailedLogin")}>
      <Form onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="sc-lockout-failures"
          label={t("scLockoutAfter")}
          unit={t("scFailedAttempts")}
          value={l.maxFailures}
          options={numbers([3, 5, 10, 15, null], (v) => (v === null ? t("scNever") : String(v)))}
          onChange={(v) => update((d) => void (d.lockout.maxFailures = v))}
          isDisabled={readOnly}
          errors={errorsOf("lockout.maxFailures")}
        />
        <SelectField
          id="sc-lockout-duration"
          label={t("scLockoutDuration")}
          unit={t("scMinutes")}
          value={l.durationMinutes}
          options={numbers([15, 30, 60, 120, null], (v) => (v === null ? t("scManualUnlock") : String(v)))}
          onChange={(v) => update((d) => void (d.lockout.durationMinutes = v))}
          isDisabled={readOnly || l.maxFailures === null}
          errors={errorsOf("lockout.durationMinutes")}
          warnings={warningsOf("LOCKOUT_MANUAL_UNLOCK")}
        />
        <FormGroup fieldId="sc-lockout-notify" role="group" isStack>
          <Checkbox
            id="sc-lockout-email-user"
            label={t("scEmailUser")}
            isChecked={l.emailUser}
            isDisabled={readOnly}
            onChange={(_e, c) => update((d) => void (d.lockout.emailUser = c))}
          />
          <Checkbox
            id="sc-lockout-notify-admins"
            label={t("scNotifyAdmins")}
            isChecked={l.notifyAdmins}
            isDisabled={readOnly}
            onChange={(_e, c) => update((d) => void (d.lockout.notifyAdmins = c))}
          />
        </FormGroup>
      </Form>
    </SectionCard>
  );
};
