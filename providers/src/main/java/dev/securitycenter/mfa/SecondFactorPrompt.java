package dev.securitycenter.mfa;

import org.keycloak.common.util.Time;
import org.keycloak.models.UserModel;

/**
 * When OPTIONAL 2FA last suggested setting up a second factor to a user. Kept as a user attribute (in the database,
 * so every node agrees) and shown at most once per {@value #INTERVAL_HOURS} hours.
 */
public final class SecondFactorPrompt {

    public static final String ATTRIBUTE = "securityCenter.mfaPromptedAt";
    static final String TEMPLATE = "security-center-2fa-prompt.ftl";
    private static final int INTERVAL_HOURS = 24;

    private SecondFactorPrompt() {
    }

    /** True (and noted) when the prompt is due now; false when it was shown within the interval. */
    static boolean claim(UserModel user) {
        long now = Time.currentTimeMillis();
        String last = user.getFirstAttribute(ATTRIBUTE);
        if (last != null && last.matches("[0-9]+") && now - Long.parseLong(last) < INTERVAL_HOURS * 3_600_000L) {
            return false;
        }
        user.setSingleAttribute(ATTRIBUTE, Long.toString(now));
        return true;
    }
}
