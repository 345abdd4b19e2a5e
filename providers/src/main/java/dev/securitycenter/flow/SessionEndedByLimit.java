package dev.securitycenter.flow;

import org.keycloak.cookie.CookieProvider;
import org.keycloak.cookie.CookieType;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.services.managers.IdentityCookieToken;

import java.util.Map;

/**
 * Remembers sessions that a new sign-in ended because of the concurrent-session limit, so that the browser of an
 * ended session is told why it has to sign in again instead of silently finding the sign-in page.
 *
 * <p>The notes live in Keycloak's single-use object store, which every cluster node shares, for as long as the
 * ended session could have lived.
 */
public final class SessionEndedByLimit {

    private static final String PREFIX = "security-center-session-ended-by-limit:";

    private SessionEndedByLimit() {
    }

    /**
     * Keycloak's session-limit step reports each session it ends as a logout event cloned from the sign-in's own
     * event, so it carries the sign-in's code id (another session's); logouts at the logout endpoint or by an
     * admin do not, and a required action's "sign out other devices" says so in a detail of its own.
     */
    public static void noticeLogout(KeycloakSession session, RealmModel realm, Event event) {
        Map<String, String> details = event.getDetails() == null ? Map.of() : event.getDetails();
        String signInCode = details.get(Details.CODE_ID);
        if (event.getType() != EventType.LOGOUT || event.getSessionId() == null || signInCode == null
                || signInCode.equals(event.getSessionId())
                || details.containsKey(Details.LOGOUT_TRIGGERED_BY_REQUIRED_ACTION)) {
            return;
        }
        session.singleUseObjects().put(PREFIX + event.getSessionId(), Math.max(60, realm.getSsoSessionMaxLifespan()),
                Map.of());
    }

    /** True, once, when the browser presents the identity cookie of a session the limit ended. */
    public static boolean takeNoticeForThisBrowser(KeycloakSession session) {
        String cookie = session.getProvider(CookieProvider.class).get(CookieType.IDENTITY);
        if (cookie == null || cookie.isEmpty()) {
            return false;
        }
        IdentityCookieToken identity = session.tokens().decode(cookie, IdentityCookieToken.class);
        if (identity == null || identity.getSessionId() == null) {
            return false;
        }
        SingleUseObjectProvider notes = session.singleUseObjects();
        return notes.remove(PREFIX + identity.getSessionId()) != null;
    }
}
