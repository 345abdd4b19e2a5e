package dev.securitycenter.policy;

import dev.securitycenter.audit.AuditEventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

/**
 * What the extension keeps in a configured realm besides the policy's own values: the managed flows (with the
 * concurrent-session limit) and their bindings, the identity providers' post-login flow, the audit listener, the
 * themes, and the release that last wrote all this ({@value #RELEASE_ATTRIBUTE}). Part of every write-through of
 * a policy ({@link PolicyWriter#writeThrough}): a save, and the start-up upgrade ({@link ReleaseUpgrade}) of
 * realms an earlier release configured.
 */
public final class ManagedConfiguration {

    /** The release whose code last wrote a realm's managed configuration; absent for 0.1.0, which wrote none. */
    public static final String RELEASE_ATTRIBUTE = PolicyAttributes.PREFIX + "configuredByRelease";
    /** This build's version, from the providers pom (a filtered resource). */
    public static final String RELEASE = release();

    static final String THEME = "security-center";

    private ManagedConfiguration() {
    }

    public static void apply(KeycloakSession session, RealmModel realm, Integer maxConcurrentSessions) {
        new ManagedFlows(session, realm).apply(maxConcurrentSessions);
        EntryPointFlows.bindIdentityProviders(session, realm);
        installAuditListener(realm);
        themes(realm);
        realm.setAttribute(RELEASE_ATTRIBUTE, RELEASE);
    }

    /** A realm the extension has configured whose managed configuration an earlier release wrote. */
    public static boolean outdated(RealmModel realm) {
        return realm.getAttribute(PolicyAttributes.UPDATED_AT) != null
                && !RELEASE.equals(realm.getAttribute(RELEASE_ATTRIBUTE));
    }

    /**
     * The extension's pages and mails live in the {@code security-center} themes; a realm still on Keycloak's
     * defaults is switched to them, a realm with a theme of its own keeps it (that theme should extend ours).
     */
    private static void themes(RealmModel realm) {
        if (isBlank(realm.getLoginTheme())) {
            realm.setLoginTheme(THEME);
        }
        if (isBlank(realm.getAccountTheme())) {
            realm.setAccountTheme(THEME);
        }
        if (isBlank(realm.getEmailTheme())) {
            realm.setEmailTheme(THEME);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static void installAuditListener(RealmModel realm) {
        Set<String> listeners = new HashSet<>(realm.getEventsListenersStream().toList());
        if (listeners.add(AuditEventListenerProviderFactory.ID)) {
            realm.setEventsListeners(listeners);
        }
    }

    private static String release() {
        Properties properties = new Properties();
        try (InputStream in = ManagedConfiguration.class.getResourceAsStream("release.properties")) {
            if (in == null) {
                throw new IllegalStateException("release.properties is missing from the providers jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }
}
