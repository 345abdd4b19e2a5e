package dev.securitycenter.it.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.securitycenter.it.support.KeycloakApi;
import dev.securitycenter.it.support.KeycloakApi.Response;
import dev.securitycenter.it.support.KeycloakTestServer;
import dev.securitycenter.it.support.Mail;
import dev.securitycenter.it.support.MailingRealm;
import dev.securitycenter.it.support.RealmManagementRoles;
import dev.securitycenter.it.support.SecondFactors;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static dev.securitycenter.it.notify.NewSignInMailIT.PASSWORD;
import static dev.securitycenter.it.support.Mail.text;
import static dev.securitycenter.it.support.Mail.to;
import static dev.securitycenter.it.support.PreviewWarnings.warning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Notify affected users" for the admins: 2FA made required for admins tells the admins without a factor, and the
 * passkey-only admin strength tells the admins without a passkey — admins however they hold their role (directly,
 * through a composite role, through a group's parent group) and nobody else; the preview counts the same people.
 */
@ExtendWith(KeycloakTestServer.class)
class AdminPolicyChangeMailIT {

    private static final String SUBJECT = "What changes at your next sign-in";
    private static final String SET_UP_2FA = "set up two-factor authentication, which is now required for administrators";
    private static final String REGISTER_PASSKEY = "register a passkey";

    private final KeycloakApi api = KeycloakTestServer.api();
    @RegisterExtension
    final MailingRealm mailing = new MailingRealm("admin-policy-mail");

    @Test
    void twoFactorRequiredForAdminsTellsTheAdminsWithoutAFactor() throws Exception {
        RealmManagementRoles.grant(api, realmName(), mailing.realm().createUser("ada", PASSWORD), "manage-users");
        giveRealmRole(mailing.realm().createUser("cora", PASSWORD), compositeOfManageRealm("security-officer"));
        joinSubgroupOfARealmAdminGroup(mailing.realm().createUser("gus", PASSWORD));
        RealmManagementRoles.grant(api, realmName(),
                mailing.realm().createUserWithTotp("otto", PASSWORD, "OttosSecretForTotp01"), "manage-realm");
        mailing.realm().createUser("nina", PASSWORD);

        JsonNode preview = mailing.realm().previewPolicy(policy -> mfa(policy, "REQUIRED_ADMINS"));
        assertEquals(3, warning(preview, "USERS_TOLD_BY_EMAIL").get("count").asInt(),
                "ada, cora and gus; otto has an app and nina is no admin: " + preview);
        assertEquals(3, warning(preview, "MFA_REQUIRED_ADMINS").get("count").asInt(), preview.toString());

        mailing.realm().changePolicy(policy -> mfa(policy, "REQUIRED_ADMINS"));

        List<MimeMessage> mails = mailing.awaitMails(SUBJECT, 3);
        assertEquals(List.of("ada@example.test", "cora@example.test", "gus@example.test"),
                mails.stream().map(Mail::to).sorted().toList());
        mails.forEach(mail -> assertTrue(text(mail).contains(SET_UP_2FA), text(mail)));
        Thread.sleep(1000);
        assertEquals(3, mailing.mails(SUBJECT).size(), "nobody else is told");

        // requiring it of everyone next concerns only nina: the admins without a factor already had to set one up
        assertEquals(1, warning(mailing.realm().previewPolicy(policy -> mfa(policy, "REQUIRED_ALL")), "USERS_TOLD_BY_EMAIL")
                .get("count").asInt());
    }

    @Test
    void thePasskeyOnlyAdminStrengthTellsTheAdminsWithoutAPasskey() throws Exception {
        // 2FA already required for admins before any admin exists: that save concerns nobody
        mailing.realm().changePolicy(policy -> {
            mfa(policy, "REQUIRED_ADMINS");
            policy.withObjectProperty("mfa").putArray("methods").add("TOTP").add("PASSKEY");
        });
        RealmManagementRoles.grant(api, realmName(),
                mailing.realm().createUserWithTotp("otto", PASSWORD, "OttosSecretForTotp01"), "manage-realm");
        RealmManagementRoles.grant(api, realmName(), mailing.realm().createUser("petra", PASSWORD,
                List.of(SecondFactors.passkey("Petra's laptop"))), "manage-users");
        mailing.realm().createUserWithTotp("nina", PASSWORD, "NinasSecretForTotp01");

        JsonNode preview = mailing.realm().previewPolicy(AdminPolicyChangeMailIT::phishingResistant);
        assertEquals(1, warning(preview, "USERS_TOLD_BY_EMAIL").get("count").asInt(),
                "otto; petra has a passkey and nina is no admin: " + preview);
        assertEquals(1, warning(preview, "MFA_ADMINS_PASSKEY").get("count").asInt(), preview.toString());

        mailing.realm().changePolicy(AdminPolicyChangeMailIT::phishingResistant);

        MimeMessage mail = mailing.awaitMails(SUBJECT, 1).get(0);
        assertEquals("otto@example.test", to(mail));
        assertTrue(text(mail).contains(REGISTER_PASSKEY) && !text(mail).contains(SET_UP_2FA), text(mail));
        Thread.sleep(1000);
        assertEquals(1, mailing.mails(SUBJECT).size(), "nobody else is told");
    }

    @Test
    void anAdminConcernedByBothGetsOneMailNamingBoth() throws Exception {
        RealmManagementRoles.grant(api, realmName(), mailing.realm().createUser("ada", PASSWORD), "manage-users");

        mailing.realm().changePolicy(policy -> {
            mfa(policy, "REQUIRED_ADMINS");
            policy.withObjectProperty("mfa").putArray("methods").add("TOTP").add("PASSKEY");
            phishingResistant(policy);
        });

        MimeMessage mail = mailing.awaitMails(SUBJECT, 1).get(0);
        assertEquals("ada@example.test", to(mail));
        assertTrue(text(mail).contains(SET_UP_2FA) && text(mail).contains(REGISTER_PASSKEY), text(mail));
        Thread.sleep(1000);
        assertEquals(1, mailing.mails(SUBJECT).size());
    }

    @Test
    void aSaveThatLeavesTheAdminsAsTheyWereTellsNobody() {
        RealmManagementRoles.grant(api, realmName(), mailing.realm().createUser("ada", PASSWORD), "manage-users");
        mailing.realm().changePolicy(policy -> mfa(policy, "REQUIRED_ALL"));
        mailing.awaitMails(SUBJECT, 1);

        JsonNode preview = mailing.realm().previewPolicy(policy -> mfa(policy, "REQUIRED_ADMINS"));

        assertFalse(preview.get("warnings").toString().contains("USERS_TOLD_BY_EMAIL"),
                "ada already had to set up 2FA: " + preview);
    }

    private static void mfa(ObjectNode policy, String enforcement) {
        policy.withObjectProperty("mfa").put("enforcement", enforcement);
    }

    private static void phishingResistant(ObjectNode policy) {
        policy.withObjectProperty("mfa").put("adminStrength", "PHISHING_RESISTANT");
    }

    /** A realm role that holds realm-management's manage-realm, as an organisation names its own admin role. */
    private JsonNode compositeOfManageRealm(String name) {
        String admin = api.masterAdminToken();
        assertEquals(201, api.post(mailing.realm().adminPath() + "/roles", admin, Map.of("name", name)).status());
        String client = realmManagementId();
        JsonNode manageRealm = api.get(mailing.realm().adminPath() + "/clients/" + client + "/roles/manage-realm",
                admin).json();
        assertEquals(204, api.post(mailing.realm().adminPath() + "/roles/" + name
                + "/composites", admin, List.of(manageRealm)).status());
        return api.get(mailing.realm().adminPath() + "/roles/" + name, admin).json();
    }

    private void giveRealmRole(String userId, JsonNode role) {
        assertEquals(204, api.post(mailing.realm().adminPath() + "/users/" + userId + "/role-mappings/realm",
                api.masterAdminToken(), List.of(role)).status());
    }

    /** Puts the user in "IT ▸ Operations", where "IT" holds realm-admin: the subgroup inherits it. */
    private void joinSubgroupOfARealmAdminGroup(String userId) {
        String admin = api.masterAdminToken();
        String parent = created(api.post(mailing.realm().adminPath() + "/groups", admin, Map.of("name", "IT")));
        JsonNode realmAdmin = api.get(mailing.realm().adminPath() + "/clients/" + realmManagementId()
                + "/roles/realm-admin", admin).json();
        assertEquals(204, api.post(mailing.realm().adminPath() + "/groups/" + parent + "/role-mappings/clients/"
                + realmManagementId(), admin, List.of(realmAdmin)).status());
        String child = created(api.post(mailing.realm().adminPath() + "/groups/" + parent + "/children", admin,
                Map.of("name", "Operations")));
        assertEquals(204, api.put(mailing.realm().adminPath() + "/users/" + userId + "/groups/" + child, admin, "")
                .status());
    }

    private String realmManagementId() {
        return api.get(mailing.realm().adminPath() + "/clients?clientId=realm-management", api.masterAdminToken())
                .json().get(0).get("id").asText();
    }

    private static String created(Response response) {
        assertEquals(201, response.status(), response.body());
        return response.location().substring(response.location().lastIndexOf('/') + 1);
    }

    private String realmName() {
        return mailing.realm().name();
    }
}
