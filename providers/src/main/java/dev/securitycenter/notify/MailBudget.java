package dev.securitycenter.notify;

import org.keycloak.models.KeycloakSession;

/**
 * A cap on how many mails of one kind one user can be sent per hour, whatever an attacker does: each mail takes
 * one of a few hour-long slots in Keycloak's single-use store, which every node of a cluster shares; when all are
 * taken, nothing is sent until one expires.
 */
final class MailBudget {

    private static final long HOUR_SECONDS = 3600;

    private MailBudget() {
    }

    static boolean take(KeycloakSession session, String kind, String realmId, String userId, int perHour) {
        String prefix = "security-center-mail:" + kind + ":" + realmId + ":" + userId + ":";
        for (int slot = 0; slot < perHour; slot++) {
            if (session.singleUseObjects().putIfAbsent(prefix + slot, HOUR_SECONDS)) {
                return true;
            }
        }
        return false;
    }
}
