package org.sluice.gateway.sealing;

import java.security.cert.X509Certificate;
import org.sluice.crypto.cms.CmsException;
import org.sluice.crypto.cms.CmsWriter;
import org.sluice.crypto.crypt4gh.Crypt4ghException;
import org.sluice.crypto.crypt4gh.Crypt4ghKeys;
import org.sluice.events.delivery.PackageFormat;

/** Reads the public keys partners register: which package format a key serves and its fingerprint. */
public final class RecipientKeys {

    /**
     * A readable recipient key.
     *
     * @param format the package format it serves
     * @param fingerprint {@code sha256:<hex>} of the raw key
     */
    public record Described(PackageFormat format, String fingerprint) {}

    private RecipientKeys() {}

    /**
     * Describes a registered key's text.
     *
     * @throws InvalidRecipientKeyException the text is not a key the gateway can seal to
     */
    public static Described describe(String keyText) {
        if (keyText == null || keyText.isBlank()) {
            throw new InvalidRecipientKeyException("the key is empty");
        }
        if (keyText.contains("-----BEGIN CRYPT4GH PUBLIC KEY-----")) {
            return new Described(PackageFormat.CRYPT4GH, Crypt4ghKeys.fingerprint(crypt4gh(keyText)));
        }
        if (keyText.contains("-----BEGIN CERTIFICATE-----")) {
            return new Described(PackageFormat.CMS, CmsWriter.fingerprint(certificate(keyText)));
        }
        throw new InvalidRecipientKeyException(
                "expected a Crypt4GH public key file (-----BEGIN CRYPT4GH PUBLIC KEY-----)"
                        + " or, for CMS delivery, an X.509 certificate with an RSA or EC P-256 key (-----BEGIN CERTIFICATE-----)");
    }

    /** The certificate of a CMS recipient. */
    static X509Certificate certificate(String keyText) {
        try {
            X509Certificate certificate = CmsWriter.readCertificate(keyText);
            String algorithm = certificate.getPublicKey().getAlgorithm();
            if (!algorithm.equals("RSA") && !algorithm.equals("EC")) {
                throw new InvalidRecipientKeyException(
                        "a CMS recipient needs an RSA or EC P-256 key, found " + algorithm);
            }
            return certificate;
        } catch (CmsException e) {
            throw new InvalidRecipientKeyException(e.getMessage());
        }
    }

    /** The raw X25519 key of a Crypt4GH public key file. */
    static byte[] crypt4gh(String keyText) {
        try {
            return Crypt4ghKeys.readPublicKeyFile(keyText);
        } catch (Crypt4ghException e) {
            throw new InvalidRecipientKeyException("not a Crypt4GH public key file: " + e.getMessage());
        }
    }
}
