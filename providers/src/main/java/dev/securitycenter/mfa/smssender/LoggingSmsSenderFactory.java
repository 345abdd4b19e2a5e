package dev.securitycenter.mfa.smssender;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;

/** For the demo and development: the message goes to the server log instead of a phone. Never use in production. */
public class LoggingSmsSenderFactory implements SmsSenderFactory {

    private static final Logger LOG = Logger.getLogger(LoggingSmsSenderFactory.class);

    @Override
    public SmsSender create(KeycloakSession session) {
        return (phoneNumber, message) -> LOG.infof("SMS to %s: %s", phoneNumber, message);
    }

    @Override
    public String getId() {
        return "logging";
    }

    @Override
    public int order() {
        // the default unless another sender is chosen with --spi-security-center-sms-sender--provider
        return 1;
    }
}
