package dev.securitycenter.it.support;

import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * A platform authenticator for Chromium, as WebDriver emulates one (CTAP2, built in, discoverable credentials, user
 * verification that always succeeds): it makes and signs with passkeys as a laptop's or phone's would.
 */
public final class VirtualPasskeys {

    private VirtualPasskeys() {
    }

    public static VirtualAuthenticator add(Chromium browser) {
        return ((HasVirtualAuthenticator) browser.driver()).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true));
    }

    public static void remove(Chromium browser, VirtualAuthenticator authenticator) {
        ((HasVirtualAuthenticator) browser.driver()).removeVirtualAuthenticator(authenticator);
    }
}
