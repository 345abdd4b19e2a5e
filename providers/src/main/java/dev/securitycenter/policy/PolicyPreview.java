package dev.securitycenter.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.securitycenter.mfa.AdminUsers;
import dev.securitycenter.mfa.MfaAdoption;
import dev.securitycenter.network.InvalidIpRangeException;
import dev.securitycenter.network.IpAllowlistEntry;
import dev.securitycenter.network.IpRange;
import dev.securitycenter.password.PasswordComplianceStats;
import dev.securitycenter.sessions.SessionCounts;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What saving a policy would do to people, counted on the server: the spec's inline warnings and confirmations
 * with real numbers. Nothing is changed.
 */
public final class PolicyPreview {

    /** One consequence: a stable {@code code} for the console, how many it touches, and the spec's text. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Warning(String code, long count, String message) {
    }

    private final KeycloakSession session;

    public PolicyPreview(KeycloakSession session) {
        this.session = session;
    }

    public List<Warning> warnings(RealmModel realm, SecurityPolicy current, SecurityPolicy next, String callerAddress) {
        List<Warning> warnings = new ArrayList<>();
        password(realm, current.password(), next.password(), warnings);
        mfa(realm, current.mfa(), next.mfa(), warnings);
        sessions(realm, current.sessions(), next.sessions(), warnings);
        if (next.lockout().maxFailures() != null && next.lockout().durationMinutes() == null
                && !Objects.equals(current.lockout().durationMinutes(), next.lockout().durationMinutes())) {
            warnings.add(new Warning("LOCKOUT_MANUAL_UNLOCK", 0,
                    "Admins must manually unlock all locked accounts."));
        }
        allowlist(current.ipAllowlist(), next.ipAllowlist(), callerAddress, warnings);
        return warnings;
    }

    /**
     * A policy stronger in any way counts the users whose recorded password no longer complies (they are made to
     * change it at their next sign-in) and those whose password was never recorded.
     */
    private void password(RealmModel realm, PasswordRules current, PasswordRules next, List<Warning> warnings) {
        if (!stronger(current, next)) {
            return;
        }
        PasswordComplianceStats.Counts counts = new PasswordComplianceStats(session).against(realm, next);
        long failing = counts.notMeeting();
        warnings.add(new Warning("PASSWORD_POLICY_STRONGER", failing, failing + " users have passwords that do not"
                + " meet the new policy. They'll be forced to reset on next login."));
        long unknown = counts.unknown();
        if (unknown > 0) {
            warnings.add(new Warning("PASSWORD_COMPLIANCE_UNKNOWN", unknown, unknown + " users have not signed in or"
                    + " changed their password since the realm was set up, so their passwords have not been checked"
                    + " yet. They will be at their next sign-in."));
        }
    }

    private static boolean stronger(PasswordRules current, PasswordRules next) {
        return (next.minLength() != null && (current.minLength() == null || next.minLength() > current.minLength()))
                || (next.requireUppercase() && !current.requireUppercase())
                || (next.requireLowercase() && !current.requireLowercase())
                || (next.requireDigits() && !current.requireDigits())
                || (next.requireSpecial() && !current.requireSpecial());
    }

    private void mfa(RealmModel realm, MfaRules current, MfaRules next, List<Warning> warnings) {
        MfaAdoption adoption = new MfaAdoption(session);
        if (next.enforcement() == MfaEnforcement.REQUIRED_ALL && current.enforcement() != MfaEnforcement.REQUIRED_ALL) {
            long without = adoption.countWithout(realm, false);
            warnings.add(new Warning("MFA_REQUIRED_ALL", without, "Changing to Required will force " + without
                    + " users to set up 2FA on next login. This may cause support load."));
        }
        if (next.enforcement() == MfaEnforcement.REQUIRED_ADMINS
                && (current.enforcement() != MfaEnforcement.REQUIRED_ADMINS
                || !current.adminRoles().equals(next.adminRoles()))) {
            long admins = new AdminUsers(session).withoutSecondFactor(realm, next.adminRoles());
            warnings.add(new Warning("MFA_REQUIRED_ADMINS", admins, admins
                    + " admins without 2FA will have to set it up at their next sign-in."));
        }
        boolean wasRequired = current.enforcement() == MfaEnforcement.REQUIRED_ALL
                || current.enforcement() == MfaEnforcement.REQUIRED_ADMINS;
        boolean isRequired = next.enforcement() == MfaEnforcement.REQUIRED_ALL
                || next.enforcement() == MfaEnforcement.REQUIRED_ADMINS;
        if (wasRequired && !isRequired) {
            warnings.add(new Warning("MFA_NO_LONGER_REQUIRED", adoption.status(realm).enabled(),
                    "Users may disable 2FA."));
        }
    }

    private void sessions(RealmModel realm, SessionRules current, SessionRules next, List<Warning> warnings) {
        Integer idle = next.idleTimeoutMinutes();
        if (idle == null && current.idleTimeoutMinutes() != null) {
            warnings.add(new Warning("IDLE_TIMEOUT_NEVER", 0, "Not recommended for security."));
        }
        if (idle != null && (current.idleTimeoutMinutes() == null || idle < current.idleTimeoutMinutes())) {
            long users = new SessionCounts(session).usersIdleSince(realm, Time.currentTime() - idle * 60);
            warnings.add(new Warning("IDLE_TIMEOUT_SHORTER", users, "Reducing timeout to " + idle
                    + " minutes will log out " + users + " currently active users."));
        }
        Integer limit = next.maxConcurrentSessions();
        if (limit != null && (current.maxConcurrentSessions() == null || limit < current.maxConcurrentSessions())) {
            long excess = new SessionCounts(session).excess(realm, limit).values().stream()
                    .mapToLong(Long::longValue).sum();
            warnings.add(new Warning("SESSIONS_OVER_LIMIT", excess, excess
                    + " sessions will be terminated immediately."));
        }
    }

    private static void allowlist(IpAllowlistRules current, IpAllowlistRules next, String callerAddress,
                                  List<Warning> warnings) {
        if (next.enabled() && !current.enabled()) {
            Optional<IpRange> own = IpRange.address(callerAddress);
            boolean covered = own.isPresent() && next.entries().stream()
                    .map(IpAllowlistEntry::value)
                    .map(PolicyPreview::rangeOrNull)
                    .filter(Objects::nonNull)
                    .anyMatch(range -> range.contains(own.get()));
            warnings.add(new Warning("ALLOWLIST_ENABLE", covered ? 0 : 1,
                    "Only listed IPs can access the system." + (covered || own.isEmpty() ? ""
                            : " Your current IP (" + own.get().canonical() + ") will be added automatically.")));
        }
        if (!next.enabled() && current.enabled()) {
            warnings.add(new Warning("ALLOWLIST_DISABLE", 0, "Removing IP restrictions. All IPs will be allowed."));
        }
    }

    private static IpRange rangeOrNull(String value) {
        try {
            return IpRange.parse(value);
        } catch (InvalidIpRangeException e) {
            return null;
        }
    }
}
