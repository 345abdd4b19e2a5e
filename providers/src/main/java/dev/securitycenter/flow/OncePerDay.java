package dev.securitycenter.flow;

import org.keycloak.common.util.Time;
import org.keycloak.models.UserModel;

/**
 * A page after sign-in that a user may put off (the OPTIONAL 2FA invitation, the password expiry reminder) shows
 * at most once per {@value #INTERVAL_HOURS} hours. When it last showed is a user attribute of its own, kept in the
 * database, so every node of a cluster agrees.
 */
public final class OncePerDay {

    private static final long INTERVAL_HOURS = 24;

    private OncePerDay() {
    }

    /** True (and noted) when the page may show now; false when it showed within the interval. */
    public static boolean claim(UserModel user, String attribute) {
        long now = Time.currentTimeMillis();
        String last = user.getFirstAttribute(attribute);
        if (last != null && last.matches("[0-9]+") && now - Long.parseLong(last) < INTERVAL_HOURS * 3_600_000L) {
            return false;
        }
        user.setSingleAttribute(attribute, Long.toString(now));
        return true;
    }
}
