package dev.securitycenter.audit;

import org.keycloak.events.EventBuilder;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The event detail through which a second-factor step tells the audit log which factor the user has just answered,
 * so that the {@code auth.login_succeeded} or {@code auth.login_failed} of that request carries
 * {@code details.secondFactor} (Keycloak's own events do not say which factor a code belonged to) and the metrics
 * count challenges by method. Only the names below are recorded, which keeps the metric's method tag bounded.
 */
public final class SecondFactorChallenge {

    public static final String DETAIL = "security_center_second_factor";
    /** The detail of the sign-in's audit event that names the method. */
    static final String AUDIT_DETAIL = "secondFactor";
    public static final String RECOVERY_CODE = "RECOVERY_CODE";
    /** The policy's methods (TOTP, SMS, EMAIL, PASSKEY, named as in the policy) and a recovery code. */
    static final Set<String> METHODS = Set.of("TOTP", "SMS", "EMAIL", "PASSKEY", RECOVERY_CODE);

    private SecondFactorChallenge() {
    }

    /** Marks the request's event: the user answered a challenge of this method (whatever the outcome). */
    public static void answered(EventBuilder event, String method) {
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("Not a second-factor method: " + method);
        }
        event.detail(DETAIL, method);
    }

    /** The method a request's event was marked with, if any. */
    static Optional<String> of(Map<String, String> eventDetails) {
        return Optional.ofNullable(eventDetails.get(DETAIL)).filter(METHODS::contains);
    }
}
