package dev.securitycenter.rest;

import dev.securitycenter.policy.FieldError;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.common.util.Time;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adding a second factor, removing a passkey, and for a user without an authenticator app new recovery codes or
 * turning 2FA off, need a recent sign-in, judged as Keycloak judges its own CONFIGURE_TOTP action started
 * from an application: the sign-in time is the session's {@code AUTH_TIME} note (set at every sign-in that asked
 * for credentials, not at SSO re-use or refresh) and the limit is that action's {@code max_auth_age} in the realm,
 * 5 minutes unless an admin configured it. Sessions Keycloak creates without the note (token grants that took a
 * password) were signed in when they started.
 */
final class RecentSignIn {

    static final String ERROR = "reauthentication_required";
    private static final int DEFAULT_MAX_AGE_SECONDS = 300;

    private RecentSignIn() {
    }

    static void require(RealmModel realm, UserSessionModel userSession) {
        int maxAge = maxAgeSeconds(realm);
        if (signedInAt(userSession) + maxAge < Time.currentTime()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", ERROR);
            body.put("error_description", "Sign in again to continue.");
            body.put("maxAge", maxAge);
            body.put("errors", List.of(new FieldError("authTime",
                    "Sign in again to change your two-factor authentication: your last sign-in is more than "
                            + maxAge + " seconds old.")));
            throw new WebApplicationException(Response.status(Response.Status.FORBIDDEN)
                    .type(MediaType.APPLICATION_JSON_TYPE).entity(body).build());
        }
    }

    private static int signedInAt(UserSessionModel userSession) {
        String note = userSession.getNote(AuthenticationManager.AUTH_TIME);
        if (note != null) {
            try {
                return Integer.parseInt(note);
            } catch (NumberFormatException unreadable) {
                return 0;
            }
        }
        return userSession.getStarted();
    }

    private static int maxAgeSeconds(RealmModel realm) {
        RequiredActionConfigModel config = realm.getRequiredActionConfigByAlias(
                UserModel.RequiredAction.CONFIGURE_TOTP.name());
        if (config == null || !config.containsConfigKey("max_auth_age")) {
            return DEFAULT_MAX_AGE_SECONDS;
        }
        try {
            int configured = Integer.parseInt(config.getConfigValue("max_auth_age"));
            return configured >= 0 ? configured : DEFAULT_MAX_AGE_SECONDS;
        } catch (NumberFormatException unreadable) {
            return DEFAULT_MAX_AGE_SECONDS;
        }
    }
}
