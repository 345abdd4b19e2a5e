package dev.securitycenter.password;

import dev.securitycenter.flow.OncePerDay;
import dev.securitycenter.spi.StatelessProviderFactory;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.common.util.Time;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import java.time.Instant;

/**
 * Required action {@value #ID}: "Your password expires in N days" with Change now / Remind me later, after a
 * browser sign-in with a password that the realm's expiry ({@link PasswordRotation}) will force to change within
 * {@value PasswordRotation#REMINDER_DAYS} days, at most once a day per user. The browser's password form puts it on
 * the sign-in (never on the user, so a token request never sees it); "Change now" adds Keycloak's own
 * UPDATE_PASSWORD to the same sign-in, "Remind me later" goes on.
 */
public class PasswordExpiryReminder implements RequiredActionFactory, RequiredActionProvider,
        StatelessProviderFactory<RequiredActionProvider> {

    public static final String ID = "security-center-password-expiry-reminder";
    public static final String NAME = "Password expiry reminder";
    /** When the reminder last showed to the user. */
    static final String ATTRIBUTE = "securityCenter.passwordExpiryRemindedAt";
    static final String TEMPLATE = "security-center-password-expiry.ftl";
    /** The creation time of the password the reminder was offered for, noted on the sign-in. */
    private static final String OFFERED_FOR = "securityCenter.expiryReminderFor";

    /** After a correct password in the browser form: the reminder joins this sign-in when its window has begun. */
    static void offer(AuthenticationFlowContext context, UserModel user) {
        RealmModel realm = context.getRealm();
        RequiredActionProviderModel registered = realm.getRequiredActionProviderByAlias(ID);
        if (registered == null || !registered.isEnabled() || changeRequired(user)) {
            return;
        }
        Instant now = Instant.ofEpochMilli(Time.currentTimeMillis());
        PasswordRotation rotation = PasswordRotation.of(realm, user);
        if (rotation.isReminderDue(now) && !rotation.isDue(now)) {
            context.getAuthenticationSession().setAuthNote(OFFERED_FOR, rotation.lastChanged().toString());
            context.getAuthenticationSession().addRequiredAction(ID);
        }
    }

    /**
     * Shown only while the password still needs it (a change earlier in this sign-in made it new) and once a day:
     * otherwise the sign-in goes on without a page.
     */
    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        UserModel user = context.getUser();
        Instant now = Instant.ofEpochMilli(Time.currentTimeMillis());
        PasswordRotation rotation = PasswordRotation.of(context.getRealm(), user);
        if (!rotation.isReminderDue(now) || rotation.isDue(now) || changeRequired(user)
                || changedDuringThisSignIn(rotation, context.getAuthenticationSession())
                || !OncePerDay.claim(user, ATTRIBUTE)) {
            context.success();
            return;
        }
        context.challenge(context.form().setAttribute("daysLeft", rotation.daysLeft(now)).createForm(TEMPLATE));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        if (context.getHttpRequest().getDecodedFormParameters().containsKey("change")) {
            context.getAuthenticationSession().addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        }
        context.success();
    }

    /** The user triggers nothing: the password form offers the reminder on browser sign-ins only. */
    @Override
    public void evaluateTriggers(RequiredActionContext context) {
    }

    private static boolean changeRequired(UserModel user) {
        return user.getRequiredActionsStream().anyMatch(UserModel.RequiredAction.UPDATE_PASSWORD.name()::equals);
    }

    private static boolean changedDuringThisSignIn(PasswordRotation rotation, AuthenticationSessionModel signIn) {
        return !String.valueOf(rotation.lastChanged()).equals(signIn.getAuthNote(OFFERED_FOR));
    }

    @Override
    public String getDisplayText() {
        return NAME;
    }

    @Override
    public String getId() {
        return ID;
    }
}
