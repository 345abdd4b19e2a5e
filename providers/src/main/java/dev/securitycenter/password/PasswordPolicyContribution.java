package dev.securitycenter.password;

import dev.securitycenter.audit.AuditEvent.UserRef;
import dev.securitycenter.policy.BlockedWords;
import dev.securitycenter.policy.EnrolmentAction;
import dev.securitycenter.policy.FlowSlot;
import dev.securitycenter.policy.FlowStep;
import dev.securitycenter.policy.PasswordRules;
import dev.securitycenter.policy.PolicyAudience;
import dev.securitycenter.policy.PolicyContributionFactory;
import dev.securitycenter.policy.PolicyPreview.Warning;
import dev.securitycenter.policy.SecurityPolicy;
import dev.securitycenter.policy.SsoProviders;
import dev.securitycenter.policy.SsoRules;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The password section of the policy: the sign-in steps that check a password against it, the expiry reminder,
 * its write-through into Keycloak's password policy string, and the preview of a stronger policy.
 */
public class PasswordPolicyContribution implements PolicyContributionFactory {

    private static final String RESET_CREDENTIAL_EMAIL = "reset-credential-email";

    @Override
    public String getId() {
        return "password";
    }

    @Override
    public int rank() {
        return 10;
    }

    @Override
    public List<FlowStep> flowSteps() {
        return List.of(new FlowStep(FlowSlot.BROWSER_FIRST_FACTOR, PolicyAwarePasswordFormFactory.ID, 0),
                new FlowStep(FlowSlot.GRANT_PASSWORD, DirectGrantPassword.ID, 0),
                // flows set up by an earlier version send Keycloak's own mail, which knows nothing of SSO
                new FlowStep(FlowSlot.RESET_EMAIL, SsoAwareResetCredentialEmail.ID, 0,
                        Set.of(RESET_CREDENTIAL_EMAIL)));
    }

    /** The expiry reminder is a required action, which Keycloak runs only once the realm registers it. */
    @Override
    public List<EnrolmentAction> enrolmentActions() {
        return List.of(new EnrolmentAction(PasswordExpiryReminder.ID, PasswordExpiryReminder.NAME));
    }

    @Override
    public void write(KeycloakSession session, RealmModel realm, SecurityPolicy policy, UserRef actor) {
        realm.setPasswordPolicy(passwordPolicy(session, realm.getPasswordPolicy(), policy.password()));
    }

    @Override
    public List<PolicyAudience> audiences(RealmModel realm, SecurityPolicy before, SecurityPolicy after) {
        return isStronger(before.password(), after.password())
                ? List.of(NonCompliantPasswordAudience.of(before.password(), after.password())) : List.of();
    }

    @Override
    public List<Warning> warnings(KeycloakSession session, RealmModel realm, SecurityPolicy current,
                                  SecurityPolicy next, String callerAddress) {
        List<Warning> warnings = new ArrayList<>();
        stronger(session, realm, current.password(), next.password(), warnings);
        ssoRequired(session, realm, current.sso(), next.sso(), warnings);
        return warnings;
    }

    /** Our entries are set or removed; anything else an admin put in the policy string stays as it is. */
    private static PasswordPolicy passwordPolicy(KeycloakSession session, PasswordPolicy current,
                                                 PasswordRules rules) {
        PasswordPolicy.Builder builder = current.toBuilder();
        builder.put("length", rules.minLength().toString());
        characterClass(builder, "upperCase", rules.requireUppercase());
        characterClass(builder, "lowerCase", rules.requireLowercase());
        characterClass(builder, "digits", rules.requireDigits());
        characterClass(builder, "specialChars", rules.requireSpecial());
        optional(builder, PasswordPolicy.FORCE_EXPIRED_ID, rules.expiryDays());
        optional(builder, PasswordPolicy.PASSWORD_HISTORY_ID, rules.preventReuse());
        entry(builder, CommonPasswordPolicyProviderFactory.ID, rules.blockCommon());
        entry(builder, BreachedPasswordPolicyProviderFactory.ID, rules.blockBreached());
        if (rules.blockedWords().isEmpty()) {
            builder.remove(BlockedWordsPasswordPolicyProviderFactory.ID);
        } else {
            builder.put(BlockedWordsPasswordPolicyProviderFactory.ID, BlockedWords.format(rules.blockedWords()));
        }
        if (!builder.contains(CompliancePasswordPolicyProviderFactory.ID)) {
            builder.put(CompliancePasswordPolicyProviderFactory.ID, null);
        }
        return builder.build(session);
    }

    private static void entry(PasswordPolicy.Builder builder, String id, boolean on) {
        if (!on) {
            builder.remove(id);
        } else if (!builder.contains(id)) {
            builder.put(id, null);
        }
    }

    /** A stricter count set in Keycloak's console (e.g. two digits) is kept: it still requires the class. */
    private static void characterClass(PasswordPolicy.Builder builder, String id, boolean required) {
        if (!required) {
            builder.remove(id);
        } else if (!builder.contains(id) || parsePositive(builder.get(id)) < 1) {
            builder.put(id, "1");
        }
    }

    private static void optional(PasswordPolicy.Builder builder, String id, int value) {
        if (value == 0) {
            builder.remove(id);
        } else {
            builder.put(id, Integer.toString(value));
        }
    }

    private static int parsePositive(String value) {
        try {
            return value == null ? 1 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * A policy stronger in any way counts the users whose recorded password no longer complies (they are made to
     * change it at their next sign-in) and those whose password was never recorded.
     */
    private static void stronger(KeycloakSession session, RealmModel realm, PasswordRules current,
                                 PasswordRules next, List<Warning> warnings) {
        if (!isStronger(current, next)) {
            return;
        }
        PasswordComplianceStats.Counts counts = new PasswordComplianceStats(session).against(realm, next);
        long failing = counts.notMeeting();
        warnings.add(new Warning("PASSWORD_POLICY_STRONGER", failing, Warning.counted(failing,
                "user has a password that does", "users have passwords that do")
                + " not meet the new policy. They'll be forced to reset on next login."));
        long unknown = counts.unknown();
        if (unknown > 0) {
            warnings.add(new Warning("PASSWORD_COMPLIANCE_UNKNOWN", unknown, Warning.counted(unknown,
                    "user has", "users have") + " not signed in or changed their password since the realm was set"
                    + " up, so their passwords have not been checked yet. They will be at their next sign-in."));
        }
    }

    /** Turning "SSO required" on, or changing who keeps a password while it is on, counts who will use SSO. */
    private static void ssoRequired(KeycloakSession session, RealmModel realm, SsoRules current, SsoRules next,
                                    List<Warning> warnings) {
        if (!next.required() || current.required() && Objects.equals(current.breakGlassRole(),
                next.breakGlassRole())) {
            return;
        }
        List<String> providers = SsoProviders.names(session);
        if (providers.isEmpty()) {
            return;
        }
        long users = SsoRequirement.usersSignedInThroughProvider(session, realm, next);
        warnings.add(new Warning("SSO_REQUIRED", users, Warning.counted(users, "user", "users")
                + " will sign in through "
                + String.join(" or ", providers) + "."));
    }

    private static boolean isStronger(PasswordRules current, PasswordRules next) {
        return (next.minLength() != null && (current.minLength() == null || next.minLength() > current.minLength()))
                || (next.requireUppercase() && !current.requireUppercase())
                || (next.requireLowercase() && !current.requireLowercase())
                || (next.requireDigits() && !current.requireDigits())
                || (next.requireSpecial() && !current.requireSpecial());
    }
}
