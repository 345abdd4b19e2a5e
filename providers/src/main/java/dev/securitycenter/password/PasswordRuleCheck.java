package dev.securitycenter.password;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;
import org.keycloak.theme.Theme;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/**
 * Checks a new password against every rule of the realm's Keycloak password policy (length, character classes,
 * history, not-username, deny list, …) with the same providers Keycloak's password policy manager runs, but
 * collects every failure instead of stopping at the first, so the form can show all of them at once.
 */
public final class PasswordRuleCheck {

    public static final String FIELD = "newPassword";

    private final KeycloakSession session;
    private final RealmModel realm;

    public PasswordRuleCheck(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    public List<PasswordRuleViolation> violations(UserModel user, String password) {
        Properties messages = messages(user);
        List<PasswordRuleViolation> violations = new ArrayList<>();
        for (String rule : realm.getPasswordPolicy().getPolicies()) {
            PasswordPolicyProvider provider = session.getProvider(PasswordPolicyProvider.class, rule);
            PolicyError error = provider == null ? null : provider.validate(realm, user, password);
            if (error != null) {
                violations.add(new PasswordRuleViolation(FIELD, ruleName(rule), format(messages, error)));
            }
        }
        return violations;
    }

    /** Keycloak's policy ids name their rules, except our lists, which the API calls by what they do. */
    private static String ruleName(String policyId) {
        return switch (policyId) {
            case CommonPasswordPolicyProviderFactory.ID -> CommonPasswordPolicyProviderFactory.RULE;
            case BlockedWordsPasswordPolicyProviderFactory.ID -> BlockedWordsPasswordPolicyProviderFactory.RULE;
            case BreachedPasswordPolicyProviderFactory.ID -> BreachedPasswordPolicyProviderFactory.RULE;
            default -> policyId;
        };
    }

    private static String format(Properties messages, PolicyError error) {
        String pattern = messages.getProperty(error.getMessage(), error.getMessage());
        Object[] parameters = error.getParameters() == null ? new Object[0] : error.getParameters();
        // Keycloak's message bundles quote apostrophes for MessageFormat
        return new MessageFormat(pattern, Locale.ENGLISH).format(parameters);
    }

    private Properties messages(UserModel user) {
        try {
            Locale locale = session.getContext().resolveLocale(user);
            Theme theme = session.theme().getTheme(Theme.Type.LOGIN);
            return Objects.requireNonNullElseGet(theme.getEnhancedMessages(realm, locale), Properties::new);
        } catch (IOException e) {
            return new Properties();
        }
    }
}
