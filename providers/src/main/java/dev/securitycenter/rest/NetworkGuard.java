package dev.securitycenter.rest;

import dev.securitycenter.network.IpAllowlistService;
import jakarta.ws.rs.ForbiddenException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** The extension's own endpoints honour the realm's IP allowlist like its sign-in does. */
final class NetworkGuard {

    private NetworkGuard() {
    }

    static void require(KeycloakSession session, RealmModel realm, String where, String clientId) {
        IpAllowlistService allowlist = new IpAllowlistService(session);
        if (!allowlist.allowsCurrentConnection(realm)) {
            allowlist.recordDenied(realm, where, clientId);
            throw new ForbiddenException("Access from your network is not allowed");
        }
    }
}
