package dev.securitycenter.mfa.code;

import dev.securitycenter.audit.SecondFactorChallenge;
import dev.securitycenter.flow.SignInTurn;
import dev.securitycenter.mfa.factor.CodeChannel;
import dev.securitycenter.mfa.factor.PolicyCredentialType;
import dev.securitycenter.mfa.factor.SecondFactorMethods;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.CredentialValidator;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.messages.Messages;

import java.util.Optional;

/**
 * Second factor by a code sent to the user's phone (the number bound at enrolment) or verified email address.
 * A user the brute-force protector has locked is refused before the code is looked at; a wrong code is a failed
 * login for the protector. Attempts take turns per user ({@link SignInTurn}), as at the password step.
 */
public class CodeAuthenticator implements Authenticator, CredentialValidator<CodeChannelCredentialProvider> {

    private final CodeChannel channel;
    private final CodeSettings settings;

    CodeAuthenticator(CodeChannel channel, CodeSettings settings) {
        this.channel = channel;
        this.settings = settings;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Optional<CodeExchange.NotSent> notSent = exchange(context).sendIfNoneUsable(destination(context.getUser()));
        context.challenge(page(context, notSent.map(CodeExchange.NotSent::messageKey).orElse(null),
                notSent.map(CodeExchange.NotSent::argument).orElse(null)));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        UserModel user = context.getUser();
        if (form.containsKey("resend")) {
            Optional<CodeExchange.NotSent> notSent = exchange(context).send(destination(user));
            context.challenge(notSent.isPresent()
                    ? page(context, notSent.get().messageKey(), notSent.get().argument())
                    : page(context, null, null));
            return;
        }
        SecondFactorChallenge.answered(context.getEvent(), channel.method().name());
        if (SignInTurn.refused(context, user, error -> page(context, Errors.USER_TEMPORARILY_DISABLED.equals(error)
                ? Messages.ACCOUNT_TEMPORARILY_DISABLED_TOTP : Messages.ACCOUNT_PERMANENTLY_DISABLED_TOTP, null))) {
            return;
        }
        IssuedCode.Check check = exchange(context).check(form.getFirst("code"));
        switch (check.outcome()) {
            case ACCEPTED -> context.success(channel.credentialType());
            case WRONG -> {
                SignInTurn.wrongGuess(context.getSession(), user);
                context.getEvent().user(user).error(Errors.INVALID_USER_CREDENTIALS);
                context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS,
                        page(context, CodeExchange.errorFor(check), null));
            }
            default -> {
                context.getEvent().user(user).error(Errors.EXPIRED_CODE);
                context.challenge(page(context, CodeExchange.errorFor(check), null));
            }
        }
    }

    private CodeExchange exchange(AuthenticationFlowContext context) {
        return new CodeExchange(context.getSession(), context.getRealm(), context.getUser(),
                context.getAuthenticationSession(), channel, channel.key() + "-sign-in", settings);
    }

    private Response page(AuthenticationFlowContext context, String error, Object argument) {
        return CodePage.render(context.form(), channel, destination(context.getUser()), error, argument);
    }

    private String destination(UserModel user) {
        return channel == CodeChannel.SMS ? PhoneNumbers.of(user).orElse("") : user.getEmail();
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return SecondFactorMethods.usable(realm, user, channel.method());
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public CodeChannelCredentialProvider getCredentialProvider(KeycloakSession session) {
        return (CodeChannelCredentialProvider) session.getProvider(CredentialProvider.class, channel.credentialType());
    }

    @Override
    public String getType(KeycloakSession session) {
        return PolicyCredentialType.offered(session, channel.method(), channel.credentialType());
    }

    @Override
    public void close() {
    }
}
