package dev.securitycenter.password;

import dev.securitycenter.spi.LifecycleFreeProviderFactory;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PasswordPolicyProviderFactory;
import org.keycloak.policy.PolicyError;

/**
 * An entry of ours in a realm's password policy string: it appears at most once, reads no server configuration
 * and holds nothing to release, so only what the entry checks and how it is named differ between entries.
 */
public interface PasswordPolicyEntryFactory extends PasswordPolicyProviderFactory,
        LifecycleFreeProviderFactory<PasswordPolicyProvider> {

    /** Without a value by default; an entry configured in the policy string (e.g. a word list) says its type. */
    @Override
    default String getConfigType() {
        return null;
    }

    @Override
    default String getDefaultConfigValue() {
        return null;
    }

    @Override
    default boolean isMultiplSupported() {
        return false;
    }


    /**
     * The check an entry hands each session: only the validation of a user's password differs. Without a user
     * (Keycloak's user-less call) it validates as for nobody in particular; it takes no value from the policy
     * string and holds nothing to release.
     */
    interface Check extends PasswordPolicyProvider {

        @Override
        default PolicyError validate(String user, String password) {
            return validate(null, null, password);
        }

        @Override
        default Object parseConfig(String value) {
            return null;
        }

        @Override
        default void close() {
        }
    }
}
