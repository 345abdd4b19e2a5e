package dev.securitycenter.mfa.code;

import dev.securitycenter.mfa.factor.CodeChannel;
import jakarta.ws.rs.core.Response;
import org.keycloak.forms.login.LoginFormsProvider;

/** The code-entry page (template {@value #TEMPLATE}), shared by sign-in and enrolment. */
public final class CodePage {

    public static final String TEMPLATE = "security-center-code.ftl";

    private CodePage() {
    }

    public static Response render(LoginFormsProvider form, CodeChannel channel, String destination, String error,
                                  Object... arguments) {
        form.setAttribute("scChannel", channel.key()).setAttribute("scDestination", mask(channel, destination));
        if (error != null) {
            form.setError(error, arguments);
        }
        return form.createForm(TEMPLATE);
    }

    /** Enough of the address for the user to recognise it, not enough to learn it from a shoulder-surfed page. */
    static String mask(CodeChannel channel, String destination) {
        if (destination == null) {
            return "";
        }
        if (channel == CodeChannel.SMS) {
            return destination.length() <= 4 ? destination
                    : "\u2022\u2022\u2022\u2022 " + destination.substring(destination.length() - 4);
        }
        int at = destination.indexOf('@');
        return at <= 1 ? destination : destination.charAt(0) + "\u2022\u2022\u2022" + destination.substring(at);
    }
}
