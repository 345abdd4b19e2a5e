package dev.securitycenter.notify;

import dev.securitycenter.policy.NotificationRules;
import dev.securitycenter.policy.PolicyAudience;
import org.jboss.logging.Logger;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.IntStream;

/**
 * Mails the people a policy change concerns what changes at their next sign-in, once the save has committed: on a
 * worker of the node that took the save (so one node sends, and the save does not wait for the mails), a page of
 * {@value #BATCH} people per transaction, each person in one mail naming every change that concerns them, and at
 * most once a day in the whole cluster however often admins save (a claim in Keycloak's single-use store).
 */
final class PolicyNoticeMailer {

    static final String TEMPLATE = "security-center-policy-change.ftl";
    static final String SUBJECT = "securityCenterPolicyChangeSubject";
    static final int BATCH = 100;
    private static final long ONCE_A_DAY_SECONDS = 24 * 60 * 60;
    private static final String TOLD_TODAY = "security-center-policy-notice.";
    private static final Logger LOG = Logger.getLogger(PolicyNoticeMailer.class);

    private PolicyNoticeMailer() {
    }

    static void afterCommit(KeycloakSession session, RealmModel realm, List<PolicyAudience> audiences) {
        String realmId = realm.getId();
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        Executor worker = session.getProvider(ExecutorsProvider.class).getExecutor("security-center-policy-notices");
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                worker.execute(() -> sendAll(factory, realmId, audiences));
            }

            @Override
            protected void rollbackImpl() {
            }
        });
    }

    private static void sendAll(KeycloakSessionFactory factory, String realmId, List<PolicyAudience> audiences) {
        try {
            for (int index = 0; index < audiences.size(); index++) {
                String after = "";
                List<String> page;
                do {
                    int current = index;
                    String from = after;
                    page = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                            session -> batch(session, realmId, audiences, current, from));
                    after = page.isEmpty() ? after : page.get(page.size() - 1);
                } while (page.size() == BATCH);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Telling the people a policy change of realm %s concerns stopped", realmId);
        }
    }

    /** One page of one audience; people also in an earlier audience were told in its pass (their claim is taken). */
    private static List<String> batch(KeycloakSession session, String realmId, List<PolicyAudience> audiences,
                                      int index, String after) {
        RealmModel realm = session.realms().getRealm(realmId);
        // the realm may have gone, or stopped these mails, while earlier pages were sent
        if (realm == null || !NotificationRules.of(realm).credentialChanges()) {
            return List.of();
        }
        session.getContext().setRealm(realm);
        PolicyNoticeRecipients recipients = new PolicyNoticeRecipients(session, realm);
        List<String> ids = recipients.page(audiences.get(index), after, BATCH);
        if (ids.isEmpty()) {
            return ids;
        }
        List<Set<String>> members = IntStream.range(0, audiences.size())
                .mapToObj(other -> other == index ? Set.copyOf(ids) : recipients.among(audiences.get(other), ids))
                .toList();
        for (String id : ids) {
            UserModel user = session.users().getUserById(realm, id);
            if (user == null
                    || !session.singleUseObjects().putIfAbsent(TOLD_TODAY + realmId + "." + id, ONCE_A_DAY_SECONDS)) {
                continue;
            }
            List<String> changes = IntStream.range(0, audiences.size())
                    .filter(other -> members.get(other).contains(id))
                    .mapToObj(other -> audiences.get(other).change())
                    .distinct()
                    .toList();
            AfterCommitMail.sendNow(session, realm, user, SUBJECT, List.of(), TEMPLATE, Map.of("changes", changes));
        }
        return ids;
    }
}
