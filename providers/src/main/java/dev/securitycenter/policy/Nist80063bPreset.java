package dev.securitycenter.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * The policy that meets NIST SP 800-63B rev 4 at AAL2 as {@link StandardsAssessment} checks it, derived from the
 * realm's current one: 15 characters, no character classes, no expiry, common and breached passwords blocked,
 * two factors for everyone (with an authenticator app among the methods), lockout kept or set to 10 failures,
 * idle timeout at most 60 minutes and sessions at most 24 hours. Everything else (remembered passwords, blocked
 * words, allowlist, SSO, other methods) stays as it is.
 */
public final class Nist80063bPreset {

    public static final String ID = "nist-800-63b";
    static final int LOCKOUT_FAILURES = 10;
    static final int LOCKOUT_MINUTES = 15;

    private Nist80063bPreset() {
    }

    public static SecurityPolicy from(SecurityPolicy current) {
        PasswordRules p = current.password();
        PasswordRules password = new PasswordRules(Math.max(StandardsAssessment.SINGLE_FACTOR_MIN_LENGTH,
                p.minLength() == null ? 0 : p.minLength()), false, false, false, false, 0, p.preventReuse(), true,
                true, p.blockedWords());
        SessionRules s = current.sessions();
        SessionRules sessions = new SessionRules(
                s.idleTimeoutMinutes() == null ? StandardsAssessment.MAX_IDLE_MINUTES
                        : Math.min(s.idleTimeoutMinutes(), StandardsAssessment.MAX_IDLE_MINUTES),
                Math.min(s.maxLifetimeHours(), StandardsAssessment.MAX_REAUTHENTICATION_HOURS),
                s.maxConcurrentSessions());
        List<MfaMethod> methods = new ArrayList<>(current.mfa().methods());
        if (!methods.contains(MfaMethod.TOTP)) {
            methods.add(0, MfaMethod.TOTP);
        }
        // NIST rev 4 wants a phishing-resistant option offered at AAL2: passkeys
        if (!methods.contains(MfaMethod.PASSKEY)) {
            methods.add(MfaMethod.PASSKEY);
        }
        MfaRules mfa = new MfaRules(MfaEnforcement.REQUIRED_ALL, methods, current.mfa().adminRoles(),
                current.mfa().adminStrength());
        LockoutRules l = current.lockout();
        LockoutRules lockout = l.maxFailures() == null
                ? new LockoutRules(LOCKOUT_FAILURES, LOCKOUT_MINUTES, l.emailUser(), l.notifyAdmins()) : l;
        return new SecurityPolicy(current.configured(), current.updatedAt(), current.updatedBy(), password, sessions,
                mfa, lockout, current.ipAllowlist(), current.sso(), current.notifications());
    }
}
