package dev.securitycenter.mfa.sms;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * SPI {@value #NAME}: how SMS codes leave the server. Choose the sender with
 * {@code --spi-security-center-sms-sender--provider=http}; the demo default is {@code logging}.
 */
public class SmsSenderSpi implements Spi {

    public static final String NAME = "security-center-sms-sender";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return SmsSender.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return SmsSenderFactory.class;
    }
}
