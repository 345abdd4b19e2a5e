package dev.securitycenter.notify;

import dev.securitycenter.audit.AuditEvent.UserRef;
import dev.securitycenter.audit.AuditEventType;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.actiontoken.AbstractActionTokenHandler;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.common.util.Time;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.messages.Messages;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.sessions.AuthenticationSessionCompoundId;
import org.keycloak.sessions.AuthenticationSessionModel;

import java.util.List;
import java.util.Map;

/**
 * Follows a "This wasn't me" link ({@link ThisWasntMeToken}). Opening it only shows what confirming will do (a mail scanner that opens links
 * changes nothing); confirming secures the account ({@link AccountCompromise}: every session ends, a new password is
 * required), records {@code auth.compromise_reported} with the reported event's id, and alerts the realm's user
 * managers. Only the page's own button confirms: it sends the link back bound to the authentication session of the
 * browser that was shown the page (Keycloak's own binding of an action token to a browser, as its e-mail verification
 * does), so the mailed link with a confirmation added by hand, or a confirmation carried to another browser, shows
 * the question again. The link is single use through Keycloak's own mark for used action tokens, set at the
 * confirmation, so a second confirmation (a replay, or a double click racing the first) is told the link was already
 * used and changes nothing; an expired link gets Keycloak's "Action expired" page before it reaches here.
 */
public class ThisWasntMeHandler extends AbstractActionTokenHandler<ThisWasntMeToken> {

    static final String PAGE = "security-center-this-wasnt-me.ftl";
    static final String ALERT_TEMPLATE = "security-center-compromise-reported.ftl";
    static final String ALERT_SUBJECT = "securityCenterCompromiseReportedSubject";
    /** Keycloak keeps a used token's mark a little beyond its expiry, for clocks that differ between nodes. */
    private static final int CLOCK_SKEW_SECONDS = 60;

    public ThisWasntMeHandler() {
        super(ThisWasntMeToken.TYPE, ThisWasntMeToken.class, Messages.INVALID_REQUEST,
                EventType.EXECUTE_ACTION_TOKEN, Errors.INVALID_TOKEN);
    }

    @Override
    public Response handleToken(ThisWasntMeToken token, ActionTokenContext<ThisWasntMeToken> context) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        String used = token.serializeKey();
        if (session.revokedTokens().contains(used)) {
            return page(context, State.USED);
        }
        String thisBrowser = AuthenticationSessionCompoundId.fromAuthSession(context.getAuthenticationSession())
                .getEncodedId();
        if (!thisBrowser.equals(token.getCompoundAuthenticationSessionId())) {
            return confirmation(token, context, thisBrowser);
        }
        if (!session.revokedTokens().put(used, token.getExp() - Time.currentTime() + CLOCK_SKEW_SECONDS)) {
            return page(context, State.USED);
        }
        UserModel user = context.getAuthenticationSession().getAuthenticatedUser();
        new AccountCompromise(session, realm).secure(user, AuditEventType.COMPROMISE_REPORTED,
                new UserRef(user.getId(), user.getUsername()), Map.of("reportId", token.getReportId(),
                        "reported", token.getReported()));
        AfterCommitMail.send(session, realm, UserManagers.of(session, realm), ALERT_SUBJECT,
                List.of(user.getUsername()), ALERT_TEMPLATE, Map.of("reportedUsername", user.getUsername()));
        context.getEvent().detail("reportId", token.getReportId()).success();
        return page(context, State.DONE);
    }

    private enum State { CONFIRM, DONE, USED }

    /** The question, whose button sends the link back bound to this browser's authentication session. */
    private static Response confirmation(ThisWasntMeToken token, ActionTokenContext<ThisWasntMeToken> context,
                                         String thisBrowser) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        token.setCompoundAuthenticationSessionId(thisBrowser);
        return forms(context, State.CONFIRM)
                .setAttribute("reportAction", LoginActionsService.actionTokenProcessor(context.getUriInfo())
                        .build(context.getRealm().getName()).toString())
                .setAttribute("reportKey", token.serialize(context.getSession(), context.getRealm(),
                        context.getUriInfo()))
                .setAttribute("reportClientId", authSession.getClient().getClientId())
                .setAttribute("reportTabId", authSession.getTabId())
                .createForm(PAGE);
    }

    private static Response page(ActionTokenContext<ThisWasntMeToken> context, State state) {
        LoginFormsProvider forms = forms(context, state);
        if (state == State.USED) {
            forms.setStatus(Response.Status.BAD_REQUEST);
        }
        return forms.createForm(PAGE);
    }

    private static LoginFormsProvider forms(ActionTokenContext<ThisWasntMeToken> context, State state) {
        return context.getSession().getProvider(LoginFormsProvider.class)
                .setAuthenticationSession(context.getAuthenticationSession())
                .setAttribute("reportState", state.name().toLowerCase());
    }
}
