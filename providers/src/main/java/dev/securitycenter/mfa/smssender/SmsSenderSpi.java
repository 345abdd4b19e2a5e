package dev.securitycenter.mfa.smssender;

import dev.securitycenter.spi.PluggableSpi;

/**
 * SPI {@value #NAME}: how SMS codes leave the server. Choose the sender with
 * {@code --spi-security-center-sms-sender--provider=http}; the demo default is {@code logging}.
 */
public class SmsSenderSpi extends PluggableSpi {

    public static final String NAME = "security-center-sms-sender";

    public SmsSenderSpi() {
        super(NAME, SmsSender.class, SmsSenderFactory.class);
    }
}
