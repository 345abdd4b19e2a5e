package dev.securitycenter.notify;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resources.RealmsResource;
import org.keycloak.utils.SecureContextResolver;

import java.time.Duration;
import java.util.Optional;

/**
 * The long-lived cookie by which a realm recognises a browser it has seen: HttpOnly, SameSite=Lax, Secure over
 * https, scoped to the realm's path, signed (see {@link DeviceToken}). It names the browser, not a person, so one
 * browser shared by several users is one device for each of them.
 */
final class DeviceCookie {

    static final String NAME = "SECURITY_CENTER_DEVICE";
    private static final int MAX_AGE_SECONDS = (int) Duration.ofDays(365).toSeconds();

    private DeviceCookie() {
    }

    /** The id of the device this request comes from, when its cookie is one this realm signed. */
    static Optional<String> read(KeycloakSession session, RealmModel realm) {
        Cookie cookie = session.getContext().getRequestHeaders().getCookies().get(NAME);
        if (cookie == null || cookie.getValue() == null || cookie.getValue().isEmpty()) {
            return Optional.empty();
        }
        DeviceToken token = session.tokens().decode(cookie.getValue(), DeviceToken.class);
        if (token == null || !DeviceToken.TYPE.equals(token.getType()) || token.getId() == null
                || !realm.getId().equals(token.getIssuer())) {
            return Optional.empty();
        }
        return Optional.of(token.getId());
    }

    /** The id this browser carries from now on: its own if it had a valid one, a new one otherwise. */
    static String issue(KeycloakSession session, RealmModel realm, Optional<String> current) {
        String id = current.orElseGet(KeycloakModelUtils::generateId);
        DeviceToken token = new DeviceToken();
        token.id(id);
        token.type(DeviceToken.TYPE);
        token.issuer(realm.getId());
        token.iat((long) Time.currentTime());
        String path = RealmsResource.realmBaseUrl(session.getContext().getUri()).path("/")
                .build(realm.getName()).getRawPath();
        session.getContext().getHttpResponse().setCookieIfAbsent(new NewCookie.Builder(NAME)
                .value(session.tokens().encode(token))
                .path(path)
                .maxAge(MAX_AGE_SECONDS)
                .httpOnly(true)
                .secure(SecureContextResolver.isSecureContext(session))
                .sameSite(NewCookie.SameSite.LAX)
                .build());
        return id;
    }
}
