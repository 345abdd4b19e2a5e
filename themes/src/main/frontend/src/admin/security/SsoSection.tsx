import { Form, FormGroup, FormSelect, FormSelectOption, Switch } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import type { PolicyChoices } from "./api";
import { FieldMessages, SectionCard } from "./components";
import type { SectionProps } from "./PolicySections";
import { roleLabel } from "./RolePicker";

/**
 * "SSO required": shown once the realm has an identity provider (or while the switch is still on,
 * so it can be turned off after the provider is gone). The break-glass role keeps its password.
 */
export const SsoSection = ({
  choices,
  draft,
  update,
  readOnly,
  errorsOf,
  warningsOf,
}: SectionProps & { choices?: PolicyChoices }) => {
  const { t } = useTranslation();
  if (!choices || (choices.identityProviders.length === 0 && !draft.sso.required)) return null;
  const providers = choices.identityProviders.join(", ");
  const roles = [...choices.realmRoles, ...choices.administrationRoles];
  const defaultRole = choices.defaultBreakGlassRole ? roleLabel(choices.defaultBreakGlassRole, choices) : t("scNone");
  return (
    <SectionCard id="sc-sso" title={t("scSso")}>
      <Form onSubmit={(e) => e.preventDefault()}>
        <FormGroup fieldId="sc-sso-required">
          <Switch
            id="sc-sso-required"
            label={t("scSsoRequired", { providers })}
            isChecked={draft.sso.required}
            isDisabled={readOnly}
            onChange={(_e, on) => update((d) => void (d.sso.required = on))}
          />
          <FieldMessages errors={errorsOf("sso.required")} warnings={warningsOf("SSO_REQUIRED")} />
        </FormGroup>
        {draft.sso.required && (
          <FormGroup label={t("scSsoBreakGlass")} fieldId="sc-sso-break-glass">
            <FormSelect
              id="sc-sso-break-glass"
              value={draft.sso.breakGlassRole ?? ""}
              isDisabled={readOnly}
              validated={errorsOf("sso.breakGlassRole").length ? "error" : "default"}
              onChange={(_e, v) => update((d) => void (d.sso.breakGlassRole = v === "" ? null : v))}
            >
              <FormSelectOption value="" label={t("scSsoBreakGlassDefault", { role: defaultRole })} />
              {roles.map((role) => (
                <FormSelectOption key={role} value={role} label={roleLabel(role, choices)} />
              ))}
            </FormSelect>
            <FieldMessages errors={errorsOf("sso.breakGlassRole")} />
          </FormGroup>
        )}
      </Form>
    </SectionCard>
  );
};
