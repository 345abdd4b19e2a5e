package dev.securitycenter.mfa.recovery;

import dev.securitycenter.audit.SecondFactorCredentials;
import jakarta.persistence.EntityManager;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.cache.UserCache;
import org.keycloak.models.jpa.entities.CredentialEntity;
import org.keycloak.util.JsonSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.List;

/**
 * A user's {@value RecoveryCodeFormat#CODE_COUNT} one-time recovery codes, kept as one Keycloak credential of type
 * {@value #TYPE} (so admins see and delete it in the stock console like any other credential).
 *
 * <p>Using a code must be atomic across requests and cluster nodes. Keycloak's own credential update writes back
 * whatever model it was handed (possibly a cached copy) without a version check, so two sign-ins with the same
 * code could both succeed. {@link #consume} therefore reads the row from the database and replaces it with a
 * conditional update on the row's {@code VERSION} column: of two concurrent uses the database lets exactly one
 * update match, the other re-reads and no longer finds its code. The user cache entry is then evicted (cluster-wide
 * at commit) so no node keeps serving the old list.
 */
public final class RecoveryCodes {

    public static final String TYPE = SecondFactorCredentials.RECOVERY_CODES;
    private static final String LABEL = "Recovery codes";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakSession session;
    private final RealmModel realm;

    public RecoveryCodes(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** Replaces the user's codes with new ones and returns them in plain text; they cannot be read back later. */
    public List<String> generate(UserModel user) {
        remove(user);
        List<String> codes = RecoveryCodeFormat.generate(RANDOM);
        CredentialModel credential = new CredentialModel();
        credential.setType(TYPE);
        credential.setUserLabel(LABEL);
        credential.setCreatedDate(Time.currentTimeMillis());
        credential.setSecretData(json(RecoveryCodeSet.of(codes, RANDOM)));
        credential.setCredentialData(json(new RecoveryCodeCount(codes.size(), codes.size())));
        user.credentialManager().createStoredCredential(credential);
        return codes;
    }

    /** Uses up one code if it is one of the user's unused codes; true exactly once per code. */
    public boolean consume(UserModel user, String typed) {
        if (RecoveryCodeFormat.normalize(typed).isEmpty()) {
            return false;
        }
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        // Each lost race means another code was used meanwhile, so this ends after at most CODE_COUNT rounds.
        for (int round = 0; round <= RecoveryCodeFormat.CODE_COUNT; round++) {
            List<Object[]> rows = em.createQuery("select c.id, c.secretData, c.credentialData, c.version"
                            + " from CredentialEntity c where c.user.id = :userId and c.type = :type", Object[].class)
                    .setParameter("userId", user.getId())
                    .setParameter("type", TYPE)
                    .getResultList();
            if (rows.isEmpty()) {
                return false;
            }
            Object[] row = rows.get(0);
            RecoveryCodeSet codes = read((String) row[1], RecoveryCodeSet.class);
            int index = codes.indexOf(typed);
            if (index < 0) {
                return false;
            }
            RecoveryCodeSet rest = codes.without(index);
            RecoveryCodeCount count = read((String) row[2], RecoveryCodeCount.class);
            int updated = em.createQuery("update CredentialEntity c set c.secretData = :secret,"
                            + " c.credentialData = :data, c.version = c.version + 1"
                            + " where c.id = :id and c.version = :version")
                    .setParameter("secret", json(rest))
                    .setParameter("data", json(new RecoveryCodeCount(count.total(), rest.remaining())))
                    .setParameter("id", row[0])
                    .setParameter("version", row[3])
                    .executeUpdate();
            if (updated == 1) {
                forgetCachedCopies(em, (String) row[0], user);
                return true;
            }
        }
        return false;
    }

    /** Unused codes left (0 when the user has none). */
    public int remaining(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(TYPE).findFirst()
                .map(credential -> read(credential.getCredentialData(), RecoveryCodeCount.class).remaining())
                .orElse(0);
    }

    public boolean has(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(TYPE).findAny().isPresent();
    }

    public void remove(UserModel user) {
        user.credentialManager().getStoredCredentialsByTypeStream(TYPE).toList()
                .forEach(credential -> user.credentialManager().removeStoredCredentialById(credential.getId()));
    }

    /** The bulk update bypassed both the persistence context and Keycloak's user cache. */
    private void forgetCachedCopies(EntityManager em, String credentialId, UserModel user) {
        CredentialEntity managed = em.find(CredentialEntity.class, credentialId);
        if (managed != null) {
            em.refresh(managed);
        }
        UserCache cache = session.getProvider(UserCache.class);
        if (cache != null) {
            cache.evict(realm, user);
        }
    }

    static String json(Object value) {
        try {
            return JsonSerialization.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return JsonSerialization.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
