package dev.securitycenter.it.support;

/** Users of the imported demo realm {@code acme} (see realm-config/README.md). */
public final class DemoUsers {

    public static final String REALM = "acme";
    public static final String PASSWORD = "Acme-Demo-2026!";

    public static final String SUPER_ADMIN = "ewhitfield";
    public static final String SUPER_ADMIN_TOTP_SECRET = secretOf(SUPER_ADMIN);
    public static final String ADMIN = "tbrennan";
    public static final String MANAGER = "cdubois";
    public static final String OPERATOR = "jsmith";
    public static final String VIEWER = "cmartin";

    private DemoUsers() {
    }

    private static String secretOf(String username) {
        return RealmFiles.totpSecret(REALM, username);
    }
}
