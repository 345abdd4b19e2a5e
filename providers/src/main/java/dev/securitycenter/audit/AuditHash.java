package dev.securitycenter.audit;

import dev.securitycenter.jpa.AuditEventEntity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over the previous hash and a row's canonical content. Each field is length-prefixed and null is distinct
 * from empty, so no two different rows share an encoding.
 */
public final class AuditHash {

    /** The prevHash of a realm's first row. */
    public static final String GENESIS = "0".repeat(64);

    private AuditHash() {
    }

    public static String of(AuditEventEntity row) {
        MessageDigest digest = sha256();
        for (String field : new String[]{
                row.getPrevHash(), Long.toString(row.getSeq()), row.getId(), row.getRealmId(), row.getType(),
                row.getSubjectUserId(), row.getSubjectUsername(), row.getActorUserId(), row.getActorUsername(),
                row.getClientId(), row.getIpAddress(), row.getDetails(), Long.toString(row.getTime())}) {
            if (field == null) {
                digest.update((byte) 'N');
            } else {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                digest.update((byte) 'S');
                digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) ':');
                digest.update(bytes);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
