package dev.securitycenter.mfa.smssender;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** For the demo and development: the message goes to the server log instead of a phone. Never use in production. */
public class LoggingSmsSenderFactory implements SmsSenderFactory {

    private static final Logger LOG = Logger.getLogger(LoggingSmsSenderFactory.class);

    @Override
    public SmsSender create(KeycloakSession session) {
        return (phoneNumber, message) -> LOG.infof("SMS to %s: %s", phoneNumber, message);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // said once, at start-up, and only when this sender is the one in use (no other was configured)
        if (factory.getProviderFactory(SmsSender.class) == this) {
            LOG.warnf("SMS codes are written to this log instead of being sent: the '%s' SMS sender is for demos"
                    + " only. Configure a real one with --spi-%s--provider=http", getId(), SmsSenderSpi.NAME);
        }
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
