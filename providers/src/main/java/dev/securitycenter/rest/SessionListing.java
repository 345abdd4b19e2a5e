package dev.securitycenter.rest;

import dev.securitycenter.geo.GeolocationProvider;
import dev.securitycenter.sessions.OwnSessions;
import org.keycloak.models.KeycloakSession;

import java.util.Map;

/**
 * The body both session lists answer with (the account API's and the admin API's per-user one), so an admin sees
 * a user's sessions in exactly the rows the user sees: {@code sessions} and, when locations come from a database
 * whose licence asks for it, {@code locationAttribution}.
 */
final class SessionListing {

    private SessionListing() {
    }

    static Map<String, Object> of(KeycloakSession session, OwnSessions sessions) {
        GeolocationProvider geolocation = session.getProvider(GeolocationProvider.class);
        String attribution = geolocation == null ? null : geolocation.attribution();
        return attribution == null ? Map.of("sessions", sessions.list())
                : Map.of("sessions", sessions.list(), "locationAttribution", attribution);
    }
}
