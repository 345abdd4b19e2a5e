package dev.securitycenter.mfa.code;

import dev.securitycenter.mfa.factor.CodeChannel;
import dev.securitycenter.mfa.smssender.SmsSender;
import dev.securitycenter.notify.AfterCommitMail;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.theme.Theme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends a one-time code: by SMS through the configured {@link SmsSender}, with the text from the login theme's
 * messages, or by email with the {@value #EMAIL_TEMPLATE} template once the transaction has committed.
 */
public final class CodeDelivery {

    static final String EMAIL_TEMPLATE = "security-center-code.ftl";

    private final KeycloakSession session;
    private final RealmModel realm;

    public CodeDelivery(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** @throws dev.securitycenter.mfa.smssender.SmsException when the SMS gateway does not take the message */
    public void send(CodeChannel channel, UserModel user, String destination, String code, CodeSettings settings) {
        if (channel == CodeChannel.SMS) {
            String realmName = realm.getDisplayName() != null ? realm.getDisplayName() : realm.getName();
            session.getProvider(SmsSender.class).send(destination, text(user, "securityCenterSmsText",
                    code, realmName, settings.ttlMinutes()));
        } else {
            AfterCommitMail.send(session, realm, List.of(user.getId()), "securityCenterCodeSubject", List.of(),
                    EMAIL_TEMPLATE, Map.of("code", code, "ttlMinutes", settings.ttlMinutes()));
        }
    }

    private String text(UserModel user, String key, Object... arguments) {
        try {
            Locale locale = session.getContext().resolveLocale(user);
            String pattern = session.theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(realm, locale)
                    .getProperty(key);
            return new MessageFormat(pattern, locale).format(arguments);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
