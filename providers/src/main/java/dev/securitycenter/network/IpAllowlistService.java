package dev.securitycenter.network;

import dev.securitycenter.policy.InvalidIpRangeException;
import dev.securitycenter.policy.IpAllowlistEntry;
import dev.securitycenter.policy.IpRange;
import dev.securitycenter.policy.PolicyAttributes;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Decides whether a connection may reach a realm. The compiled list is cached per realm and node, keyed by the
 * realm attribute {@value PolicyAttributes#IP_ALLOWLIST_VERSION}, which every save changes: Keycloak's realm cache
 * invalidates that attribute on every node, so each node rebuilds from the database on its next lookup. The
 * address is only ever Keycloak's connection address (whose proxy handling the server's proxy options decide).
 */
public final class IpAllowlistService {

    private static final Logger LOG = Logger.getLogger(IpAllowlistService.class);
    private static final ConcurrentMap<String, Compiled> COMPILED = new ConcurrentHashMap<>();

    private record Compiled(String version, IpAllowlistMatcher matcher) {
    }

    private final KeycloakSession session;

    public IpAllowlistService(KeycloakSession session) {
        this.session = session;
    }

    public static boolean enabled(RealmModel realm) {
        return realm.getAttribute(PolicyAttributes.IP_ALLOWLIST_ENABLED, false);
    }

    public String clientAddress() {
        return session.getContext().getConnection().getRemoteAddr();
    }

    /** Whether this request's connection may reach the realm. */
    public boolean allowsCurrentConnection(RealmModel realm) {
        return !enabled(realm) || matcher(realm).allows(clientAddress());
    }

    /** Records a refused connection as {@code auth.ip_denied}; repeats are summarised ({@link DeniedConnectionLog}). */
    public void recordDenied(RealmModel realm, String where, String clientId) {
        DeniedConnectionLog.record(session, realm.getId(), clientAddress(), where, clientId);
    }

    IpAllowlistMatcher matcher(RealmModel realm) {
        String version = realm.getAttribute(PolicyAttributes.IP_ALLOWLIST_VERSION);
        Compiled compiled = COMPILED.get(realm.getId());
        if (compiled != null && compiled.version().equals(String.valueOf(version))) {
            return compiled.matcher();
        }
        List<IpRange> ranges = new ArrayList<>();
        for (IpAllowlistEntry entry : new IpAllowlistStore(session).list(realm)) {
            try {
                ranges.add(IpRange.parse(entry.value()));
            } catch (InvalidIpRangeException e) {
                // values are validated on save; a row edited by hand allows nothing rather than failing sign-in
                LOG.warnf("Ignoring invalid allowlist entry '%s' of realm %s: %s", entry.value(), realm.getName(),
                        e.getMessage());
            }
        }
        IpAllowlistMatcher matcher = IpAllowlistMatcher.compile(ranges);
        COMPILED.put(realm.getId(), new Compiled(String.valueOf(version), matcher));
        return matcher;
    }
}
