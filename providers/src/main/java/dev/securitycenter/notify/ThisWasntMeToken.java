package dev.securitycenter.notify;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.keycloak.authentication.actiontoken.DefaultActionToken;
import org.keycloak.common.util.Time;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.LoginActionsService;

import java.time.Duration;

/**
 * The "This wasn't me" link of a security mail: a Keycloak action token for the user, bound to the one event it
 * reports (its type, and the id the event carries as {@code details.reportId} where it has one). It is valid for
 * {@link #DEFAULT_LIFESPAN} unless the realm overrides this action's lifespan (Realm settings ▸ Tokens ▸ "Override
 * action tokens", Keycloak's own setting per action).
 */
public class ThisWasntMeToken extends DefaultActionToken {

    public static final String TYPE = "security-center-this-wasnt-me";
    static final Duration DEFAULT_LIFESPAN = Duration.ofDays(7);

    @JsonProperty("rid")
    private String reportId;

    @JsonProperty("evt")
    private String reported;

    ThisWasntMeToken(String userId, int expiresAt, String reportId, String reported) {
        super(userId, TYPE, expiresAt, null);
        this.reportId = reportId;
        this.reported = reported;
        // the page it opens offers the way back to the user's own account
        this.issuedFor = Constants.ACCOUNT_CONSOLE_CLIENT_ID;
    }

    /** For Keycloak, which reads the token back from the link. */
    ThisWasntMeToken() {
    }

    /** The link to the confirmation page, for a mail sent in this request. */
    static String link(KeycloakSession session, RealmModel realm, String userId, String reportId, String reported) {
        Integer override = realm.getUserActionTokenLifespans().get(TYPE);
        int lifespan = override != null ? override : (int) DEFAULT_LIFESPAN.toSeconds();
        ThisWasntMeToken token = new ThisWasntMeToken(userId, Time.currentTime() + lifespan, reportId,
                reported);
        return LoginActionsService.actionTokenProcessor(session.getContext().getUri())
                .queryParam(Constants.KEY, token.serialize(session, realm, session.getContext().getUri()))
                .queryParam(Constants.CLIENT_ID, Constants.ACCOUNT_CONSOLE_CLIENT_ID)
                .build(realm.getName())
                .toString();
    }

    String getReportId() {
        return reportId;
    }

    /** The type of the audit event reported. */
    String getReported() {
        return reported;
    }
}
