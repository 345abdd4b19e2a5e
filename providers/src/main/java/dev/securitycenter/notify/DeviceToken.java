package dev.securitycenter.notify;

import org.keycloak.TokenCategory;
import org.keycloak.representations.JsonWebToken;

/**
 * What the device cookie holds: a random id for one browser, signed with the realm's internal HMAC key (the one
 * Keycloak signs its own cookies with), so a browser cannot claim another's id or make one up.
 */
public class DeviceToken extends JsonWebToken {

    static final String TYPE = "security-center-device";

    @Override
    public TokenCategory getCategory() {
        return TokenCategory.INTERNAL;
    }
}
