package dk.flis.common.privacy;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.encode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.unhex;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Column;

/**
 * cpr → {@code cpr_id}: lowercase hex HMAC-SHA256 of the 10-character cpr under the secret key (SPEC 3.7).
 *
 * <p>Spark has no HMAC built-in, so the RFC 2104 construction H((K⊕opad) ‖ H((K⊕ipad) ‖ m)) is written with
 * {@code sha2}/{@code unhex}/{@code concat}: no UDF, the optimizer sees it, and the key pads are computed once on
 * the driver. {@link #pseudonymize(String)} is the plain-Java reference the tests compare against.
 */
public final class Pseudonymizer {
    private static final int BLOCK = 64;
    private final byte[] innerPad;
    private final byte[] outerPad;
    private final byte[] key;

    public Pseudonymizer(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("The pseudonymisation key is empty");
        }
        byte[] k = secret.getBytes(StandardCharsets.UTF_8);
        this.key = k;
        if (k.length > BLOCK) {
            k = sha256(k);
        }
        byte[] padded = new byte[BLOCK];
        System.arraycopy(k, 0, padded, 0, k.length);
        innerPad = new byte[BLOCK];
        outerPad = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            innerPad[i] = (byte) (padded[i] ^ 0x36);
            outerPad[i] = (byte) (padded[i] ^ 0x5c);
        }
    }

    /** {@code cpr_id} of a cpr string column (null stays null). */
    public Column cprId(Column cpr) {
        Column inner = unhex(sha2(concat(lit(innerPad), encode(cpr, "UTF-8")), 256));
        return sha2(concat(lit(outerPad), inner), 256);
    }

    /** Reference implementation with javax.crypto, for tests and single values. */
    public String pseudonymize(String cpr) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] out = mac.doFinal(cpr.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(64);
            for (byte b : out) {
                sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return sb.toString();
        } catch (Exception e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] sha256(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(in);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
