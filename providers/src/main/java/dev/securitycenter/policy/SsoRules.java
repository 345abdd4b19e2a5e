package dev.securitycenter.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.Nullable;

/**
 * When SSO is required, users sign in through one of the realm's identity providers: their password is refused on
 * every path and they manage none here. The holders of the break-glass role (null: Keycloak's realm-admin) keep
 * their password, so the realm stays reachable when the identity provider is not.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SsoRules(boolean required, @Nullable String breakGlassRole) {
}
