import { useEnvironment, type AccountEnvironment } from "@keycloak/keycloak-account-ui";
import { HelperText, HelperTextItem, Progress, ProgressMeasureLocation, ProgressVariant } from "@patternfly/react-core";
import type { ZxcvbnResult } from "@zxcvbn-ts/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { loadEstimator } from "./passwordStrength";

const VARIANT: Record<number, ProgressVariant | undefined> = {
  0: ProgressVariant.danger,
  1: ProgressVariant.danger,
  2: ProgressVariant.warning,
  3: undefined,
  4: ProgressVariant.success,
};

/**
 * How hard the typed password is to guess (zxcvbn-ts's score 0–4) and what would make it harder, computed in the
 * browser: advice only, the realm's rules above are what the server enforces.
 */
export function PasswordStrengthMeter({ password }: { password: string }) {
  const { t } = useTranslation();
  const { keycloak } = useEnvironment<AccountEnvironment>();
  const [result, setResult] = useState<ZxcvbnResult>();

  useEffect(() => {
    let current = true;
    if (password === "") {
      setResult(undefined);
      return;
    }
    // the user's own names make a weak password, so they count as dictionary words
    const userInputs = [keycloak.tokenParsed?.preferred_username, keycloak.tokenParsed?.email].filter(
      (input): input is string => typeof input === "string",
    );
    void loadEstimator().then((estimate) => {
      if (current) {
        setResult(estimate(password, userInputs));
      }
    });
    return () => {
      current = false;
    };
  }, [password, keycloak]);

  if (!result) {
    return null;
  }
  const { score, feedback } = result;
  const advice = [
    ...(feedback.warning ? [t(`securityStrengthWarning_${feedback.warning}`)] : []),
    ...feedback.suggestions.map((key) => t(`securityStrengthSuggestion_${key}`)),
  ];
  return (
    <div data-testid="password-strength" data-score={score}>
      <Progress
        value={(score + 1) * 20}
        title={t("securityStrength", { level: t(`securityStrengthScore_${score}`) })}
        measureLocation={ProgressMeasureLocation.none}
        variant={VARIANT[score]}
        size="sm"
        aria-live="polite"
      />
      {advice.length > 0 && (
        <HelperText component="ul" aria-label={t("securityStrengthAdvice")}>
          {advice.map((text) => (
            <HelperTextItem key={text} component="li">
              {text}
            </HelperTextItem>
          ))}
        </HelperText>
      )}
    </div>
  );
}
