package dev.securitycenter.policy;

import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;

import java.util.List;

/** The identity providers users can sign in through when SSO is required: the realm's enabled ones. */
public final class SsoProviders {

    private SsoProviders() {
    }

    /** Their names as the sign-in page shows them (display name, else alias), in the page's order. */
    public static List<String> names(KeycloakSession session) {
        return session.identityProviders().getAllStream()
                .filter(IdentityProviderModel::isEnabled)
                .map(provider -> provider.getDisplayName() == null || provider.getDisplayName().isBlank()
                        ? provider.getAlias() : provider.getDisplayName())
                .toList();
    }
}
