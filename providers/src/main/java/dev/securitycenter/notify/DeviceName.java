package dev.securitycenter.notify;

import org.keycloak.representations.account.DeviceRepresentation;

/**
 * "Chrome on Linux": the browser and operating system Keycloak parsed from the User-Agent at sign-in, as the
 * session list and the security mails name a device.
 */
public final class DeviceName {

    private static final String OTHER = "Other";

    private DeviceName() {
    }

    public static String of(DeviceRepresentation device) {
        String browser = family(device.getBrowser());
        String os = known(device.getOs());
        if (browser == null && os == null) {
            return "Unknown device";
        }
        if (browser == null) {
            return os;
        }
        return os == null ? browser : browser + " on " + os;
    }

    /** Keycloak writes the browser as "family/version". */
    public static String family(String browser) {
        if (browser == null) {
            return null;
        }
        int slash = browser.indexOf('/');
        return known(slash < 0 ? browser : browser.substring(0, slash));
    }

    private static String known(String value) {
        return value == null || value.isBlank() || OTHER.equals(value) || DeviceRepresentation.UNKNOWN.equals(value)
                ? null : value;
    }
}
