package dev.securitycenter.password;

import dev.securitycenter.spi.LifecycleFreeProviderFactory;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PasswordPolicyProviderFactory;

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
}
