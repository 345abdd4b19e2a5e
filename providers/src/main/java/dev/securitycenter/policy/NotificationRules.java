package dev.securitycenter.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.keycloak.models.RealmModel;

/**
 * Which security mails the realm sends: to a user signing in from a new device or place, to a user whose password
 * or second factor changed, and to the admins on every lockout (beside the repeated-lockout alert). The first two
 * are realm-wide switches a user may further opt out of; off here means nobody gets them.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record NotificationRules(boolean newSignIn, boolean credentialChanges, boolean adminEachLockout) {

    /** The realm's switches, from its attributes. */
    public static NotificationRules of(RealmModel realm) {
        return new NotificationRules(
                realm.getAttribute(PolicyAttributes.NOTIFY_NEW_SIGN_IN, PolicyDefaults.NOTIFY_NEW_SIGN_IN),
                realm.getAttribute(PolicyAttributes.NOTIFY_CREDENTIAL_CHANGES,
                        PolicyDefaults.NOTIFY_CREDENTIAL_CHANGES),
                realm.getAttribute(PolicyAttributes.NOTIFY_ADMIN_EACH_LOCKOUT,
                        PolicyDefaults.NOTIFY_ADMIN_EACH_LOCKOUT));
    }

    void write(RealmModel realm) {
        realm.setAttribute(PolicyAttributes.NOTIFY_NEW_SIGN_IN, Boolean.toString(newSignIn));
        realm.setAttribute(PolicyAttributes.NOTIFY_CREDENTIAL_CHANGES, Boolean.toString(credentialChanges));
        realm.setAttribute(PolicyAttributes.NOTIFY_ADMIN_EACH_LOCKOUT, Boolean.toString(adminEachLockout));
    }
}
