package dev.securitycenter.password;

import dev.securitycenter.audit.AuditEvent;
import dev.securitycenter.audit.AuditEventType;
import dev.securitycenter.audit.AuditRecorder;
import dev.securitycenter.password.breach.BreachVerdict;
import dev.securitycenter.password.breach.BreachedPasswords;
import dev.securitycenter.policy.SecurityPolicyReader;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.common.util.Time;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyProvider;

import java.util.List;
import java.util.Map;

/**
 * After a password has been proven at sign-in: records its compliance levels, and when it no longer meets the
 * realm's current rules (length, character classes, or it is now a common password or a blocked word) makes the user change it
 * before continuing. A blocked password is also recorded as {@code auth.password_compromised}, once until the user
 * changes it (the pending change marks it as already seen), so signing in again and again writes nothing more.
 */
final class SignInPasswordCheck {

    private static final List<String> BLOCKING_RULES = List.of(CommonPasswordPolicyProviderFactory.ID,
            BlockedWordsPasswordPolicyProviderFactory.ID);

    private SignInPasswordCheck() {
    }

    static void passwordProven(AuthenticationFlowContext context, UserModel user, String password) {
        RealmModel realm = context.getRealm();
        PasswordCompliance compliance = PasswordCompliance.of(password);
        PasswordComplianceRecorder.record(user, compliance);
        String blockedBy = isBlocked(context, user, password) ? CommonPasswordPolicyProviderFactory.RULE
                : isBreached(context, user, password) ? BreachedPasswordPolicyProviderFactory.RULE : null;
        boolean blocked = blockedBy != null;
        if (!blocked && compliance.meets(SecurityPolicyReader.password(realm.getPasswordPolicy()))) {
            return;
        }
        boolean alreadyRequired = user.getRequiredActionsStream()
                .anyMatch(UserModel.RequiredAction.UPDATE_PASSWORD.name()::equals);
        user.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        if (blocked && !alreadyRequired) {
            AuditRecorder.of(context.getSession()).record(realm.getId(), new AuditEvent(
                    AuditEventType.PASSWORD_COMPROMISED, new AuditEvent.UserRef(user.getId(), user.getUsername()),
                    null, context.getAuthenticationSession().getClient().getClientId(),
                    context.getConnection().getRemoteAddr(), Map.of("reason", blockedBy),
                    Time.currentTimeMillis()));
        }
    }

    /**
     * Only while the realm blocks breached passwords, and only for a password not yet found clean since it was set
     * (so the range API is not asked at every sign-in). A corpus that cannot be reached never stops a sign-in: the
     * password stays unmarked and is checked at the next one.
     */
    private static boolean isBreached(AuthenticationFlowContext context, UserModel user, String password) {
        if (!context.getRealm().getPasswordPolicy().getPolicies().contains(BreachedPasswordPolicyProviderFactory.ID)
                || BreachCheckMarker.isChecked(user)) {
            return false;
        }
        BreachVerdict verdict = context.getSession().getProvider(BreachedPasswords.class).check(password);
        if (verdict == BreachVerdict.NOT_FOUND) {
            BreachCheckMarker.markChecked(user);
        }
        return verdict == BreachVerdict.BREACHED;
    }

    /** The realm's own list rules decide, so turning them off in the policy stops this check too. */
    private static boolean isBlocked(AuthenticationFlowContext context, UserModel user, String password) {
        RealmModel realm = context.getRealm();
        return BLOCKING_RULES.stream()
                .filter(realm.getPasswordPolicy().getPolicies()::contains)
                .map(id -> context.getSession().getProvider(PasswordPolicyProvider.class, id))
                .anyMatch(rule -> rule.validate(realm, user, password) != null);
    }
}
