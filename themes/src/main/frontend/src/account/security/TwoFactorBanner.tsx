import { Alert, AlertActionCloseButton, AlertActionLink, StackItem } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Overview } from "./api";

type Props = { twoFactor: Overview["twoFactor"]; userId: string; realm: string };

/**
 * Encourages users of an OPTIONAL two-factor policy to set it up. The dismissal is a display preference, not a
 * security decision, so it lives in this browser's storage (per realm and user): nothing on the server has to
 * agree on it, and a user who signs in elsewhere simply sees the encouragement once more.
 */
export function TwoFactorBanner({ twoFactor, userId, realm }: Props) {
  const { t } = useTranslation();
  const key = `security-center.two-factor-banner-dismissed.${realm}.${userId}`;
  const [dismissed, setDismissed] = useState(() => readFlag(key));

  if (dismissed || twoFactor.enabled || twoFactor.enforced || !twoFactor.available) {
    return null;
  }
  const dismiss = () => {
    writeFlag(key);
    setDismissed(true);
  };
  const setUp = () => document.getElementById("security-two-factor")?.scrollIntoView({ behavior: "smooth" });

  // its own stack item, so a hidden banner leaves no gap at the top of the page
  return (
    <StackItem>
      <Alert
        variant="info"
        isInline
        data-testid="two-factor-banner"
        title={t("securityTwoFactorBannerTitle")}
        actionClose={<AlertActionCloseButton aria-label={t("securityTwoFactorBannerDismiss")} onClose={dismiss} />}
        actionLinks={<AlertActionLink onClick={setUp}>{t("securityTwoFactorBannerAction")}</AlertActionLink>}
      >
        {t("securityTwoFactorBannerBody")}
      </Alert>
    </StackItem>
  );
}

// Storage can be unavailable (private modes, blocked by policy): the banner then just shows again next time.
function readFlag(key: string) {
  try {
    return window.localStorage.getItem(key) === "1";
  } catch {
    return false;
  }
}

function writeFlag(key: string) {
  try {
    window.localStorage.setItem(key, "1");
  } catch {
    // nothing to remember it in; the dismissal holds for this page view
  }
}
