package dev.securitycenter.mfa.code;

import dev.securitycenter.mfa.factor.CodeChannel;
import dev.securitycenter.mfa.factor.SecondFactorMethods;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.utils.FormMessage;

import java.util.Optional;

/**
 * Enrolment in SMS or email codes. SMS asks for the phone number, sends a code to it and binds the number only
 * once that code comes back; email sends the code to the verified address. Either way the credential exists only
 * after the user proved they receive the codes.
 */
public class CodeSetupAction implements RequiredActionProvider {

    static final String PHONE_TEMPLATE = "security-center-phone.ftl";

    private final CodeChannel channel;
    private final CodeSettings settings;

    CodeSetupAction(CodeChannel channel, CodeSettings settings) {
        this.channel = channel;
        this.settings = settings;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        if (channel == CodeChannel.SMS) {
            context.challenge(context.form().createForm(PHONE_TEMPLATE));
            return;
        }
        if (!SecondFactorMethods.hasVerifiedEmail(context.getUser())) {
            context.challenge(context.form().setError("securityCenterEmailNotVerified").createForm(PHONE_TEMPLATE));
            return;
        }
        sendAndShow(context, context.getUser().getEmail(), false);
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        Optional<IssuedCode> pending = exchange(context).current();
        if (form.containsKey("resend") && pending.isPresent()) {
            sendAndShow(context, pending.get().target(), true);
            return;
        }
        if (form.containsKey("code") && pending.isPresent()) {
            verify(context, form.getFirst("code"), pending.get().target());
            return;
        }
        if (channel == CodeChannel.SMS) {
            Optional<String> phone = PhoneNumbers.normalize(form.getFirst("phoneNumber"));
            if (phone.isEmpty()) {
                context.challenge(context.form().setError("securityCenterPhoneInvalid").createForm(PHONE_TEMPLATE));
                return;
            }
            if (RefusedNumberRanges.of(phone.get()).isPresent()) {
                context.challenge(context.form().addError(new FormMessage("phoneNumber", "securityCenterPhoneRefused"))
                        .setStatus(Response.Status.BAD_REQUEST).createForm(PHONE_TEMPLATE));
                return;
            }
            sendAndShow(context, phone.get(), true);
            return;
        }
        requiredActionChallenge(context);
    }

    private void sendAndShow(RequiredActionContext context, String destination, boolean newCode) {
        CodeExchange exchange = exchange(context);
        Optional<CodeExchange.NotSent> notSent = newCode ? exchange.send(destination)
                : exchange.sendIfNoneUsable(destination);
        // a throttled number change keeps the code already sent to the earlier number
        String shown = exchange.current().map(IssuedCode::target).orElse(destination);
        context.challenge(CodePage.render(context.form(), channel, shown,
                notSent.map(CodeExchange.NotSent::messageKey).orElse(null),
                notSent.map(CodeExchange.NotSent::argument).orElse(null)));
    }

    private void verify(RequiredActionContext context, String typed, String target) {
        IssuedCode.Check check = exchange(context).check(typed);
        if (check.outcome() != IssuedCode.Outcome.ACCEPTED) {
            context.challenge(CodePage.render(context.form(), channel, target, CodeExchange.errorFor(check)));
            return;
        }
        context.getUser().credentialManager().getStoredCredentialsByTypeStream(channel.credentialType()).toList()
                .forEach(old -> context.getUser().credentialManager().removeStoredCredentialById(old.getId()));
        CredentialModel credential = new CredentialModel();
        credential.setType(channel.credentialType());
        credential.setUserLabel(channel == CodeChannel.SMS ? CodePage.mask(channel, target) : target);
        credential.setCreatedDate(Time.currentTimeMillis());
        credential.setSecretData("{}");
        credential.setCredentialData(channel == CodeChannel.SMS ? PhoneNumbers.data(target) : "{}");
        context.getUser().credentialManager().createStoredCredential(credential);
        context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL)
                .detail(Details.CREDENTIAL_TYPE, channel.credentialType())
                .success();
        context.success();
    }

    private CodeExchange exchange(RequiredActionContext context) {
        return new CodeExchange(context.getSession(), context.getRealm(), context.getUser(),
                context.getAuthenticationSession(), channel, channel.key() + "-setup", settings);
    }

    @Override
    public void close() {
    }
}
