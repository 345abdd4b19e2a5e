package dev.securitycenter.password.breach;

import dev.securitycenter.spi.PluggableSpi;

/**
 * SPI {@value #NAME}: where {@code password.blockBreached} looks passwords up. The bundled provider
 * {@code pwned-passwords} asks a Have I Been Pwned range API (the public one or an organisation's own mirror);
 * an organisation may plug in its own corpus instead.
 */
public class BreachedPasswordsSpi extends PluggableSpi {

    public static final String NAME = "security-center-breached-passwords";

    public BreachedPasswordsSpi() {
        super(NAME, BreachedPasswords.class, BreachedPasswordsFactory.class);
    }
}
