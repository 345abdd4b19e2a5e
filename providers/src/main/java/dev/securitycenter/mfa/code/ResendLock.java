package dev.securitycenter.mfa.code;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The resend throttle made atomic: the time of the last send is kept in the authentication session, which two
 * simultaneous requests both read before either writes, so both would send. A send first takes this lock, a
 * {@code putIfAbsent} in Keycloak's cluster-wide single-use object store that lasts the resend interval, so of any
 * number of concurrent sends of one authentication session and purpose exactly one goes out.
 */
final class ResendLock {

    private static final String PREFIX = "security-center.code-resend.";

    private final SingleUseObjectProvider store;
    private final String key;

    ResendLock(KeycloakSession session, AuthenticationSessionModel authSession, String purpose) {
        this.store = session.singleUseObjects();
        this.key = PREFIX + authSession.getParentSession().getId() + "." + authSession.getTabId() + "." + purpose;
    }

    /** Whether this request may send now; if so, nobody else may until the interval has passed. */
    boolean take(CodeSettings settings) {
        return store.putIfAbsent(key, Math.max(1, settings.resendMillis() / 1000));
    }

    /** Gives the turn back after a send that did not go out, so the user may try again at once. */
    void release() {
        store.remove(key);
    }
}
