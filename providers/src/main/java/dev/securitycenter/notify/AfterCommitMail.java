package dev.securitycenter.notify;

import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Mail that may only leave once the transaction that caused it has committed (a rolled-back change sends nothing).
 * It is rendered with the realm's email theme and sent from a transaction of its own, one recipient at a time, so
 * one bad address does not stop the others.
 */
public final class AfterCommitMail {

    private static final Logger LOG = Logger.getLogger(AfterCommitMail.class);

    private AfterCommitMail() {
    }

    public static void send(KeycloakSession session, RealmModel realm, List<String> userIds, String subjectKey,
                            List<Object> subjectArguments, String template, Map<String, Object> attributes) {
        String realmId = realm.getId();
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                KeycloakModelUtils.runJobInTransaction(factory, mailer ->
                        deliver(mailer, realmId, userIds, subjectKey, subjectArguments, template, attributes));
            }

            @Override
            protected void rollbackImpl() {
            }
        });
    }

    private static void deliver(KeycloakSession mailer, String realmId, List<String> userIds, String subjectKey,
                                List<Object> subjectArguments, String template, Map<String, Object> attributes) {
        RealmModel realm = mailer.realms().getRealm(realmId);
        mailer.getContext().setRealm(realm);
        for (String userId : userIds) {
            UserModel user = mailer.users().getUserById(realm, userId);
            if (user != null && user.getEmail() != null) {
                sendNow(mailer, realm, user, subjectKey, subjectArguments, template, attributes);
            }
        }
    }

    /**
     * Sends one mail at once, for code that already runs after the commit that caused it; a failure is logged
     * (the change it tells of stands either way).
     */
    static void sendNow(KeycloakSession mailer, RealmModel realm, UserModel user, String subjectKey,
                        List<Object> subjectArguments, String template, Map<String, Object> attributes) {
        try {
            // the provider adds user, realmName and locale to the map, so each mail gets a fresh copy
            mailer.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(user)
                    .send(subjectKey, subjectArguments, template, new HashMap<>(attributes));
        } catch (EmailException e) {
            LOG.warnf(e, "Mail %s to user %s of realm %s could not be sent", template, user.getId(),
                    realm.getName());
        }
    }
}
