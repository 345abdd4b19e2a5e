package dev.securitycenter.notify;

import org.keycloak.models.UserModel;

/**
 * A user's own choice of security mails, kept in user attributes: nothing stored means the user gets them. The
 * realm's switches (the policy's {@code notifications} section) come first: a mail the realm does not send is not
 * sent whatever the user chose.
 */
public final class NotificationChoices {

    static final String NEW_SIGN_IN = "securityCenter.notifications.newSignIn";

    private NotificationChoices() {
    }

    public static boolean wantsNewSignIn(UserModel user) {
        return !"false".equals(user.getFirstAttribute(NEW_SIGN_IN));
    }

    static void setNewSignIn(UserModel user, boolean wanted) {
        if (wanted) {
            user.removeAttribute(NEW_SIGN_IN);
        } else {
            user.setSingleAttribute(NEW_SIGN_IN, "false");
        }
    }
}
