package org.sluice.crypto.cms;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.util.HexFormat;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.RecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;

/**
 * Streams a payload into CMS AuthEnvelopedData (RFC 5083) with AES-256-GCM, for a partner that cannot run
 * Crypt4GH: the content key is wrapped with RSA-OAEP (SHA-256) for an RSA certificate, or agreed with
 * ephemeral-static ECDH (SHA-256 KDF, AES-256 key wrap) for an EC P-256 certificate. The output is BER with
 * indefinite lengths, so memory stays constant whatever the payload's size; {@code openssl cms -decrypt}
 * reads it.
 */
public final class CmsWriter {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final ECGenParameterSpec P256 = new ECGenParameterSpec("secp256r1");

    private CmsWriter() {}

    /**
     * Returns a stream that encrypts what is written to it into {@code sink}; {@code close()} writes the GCM
     * tag and the end of the structure and closes {@code sink}.
     */
    public static OutputStream encrypt(OutputStream sink, X509Certificate recipient) throws IOException {
        CMSAuthEnvelopedDataStreamGenerator generator = new CMSAuthEnvelopedDataStreamGenerator();
        generator.addRecipientInfoGenerator(recipientInfo(recipient));
        try {
            OutputAEADEncryptor encryptor =
                    (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM)
                            .setProvider(BC)
                            .build();
            return new ClosingOutputStream(generator.open(sink, encryptor), sink);
        } catch (org.bouncycastle.cms.CMSException e) {
            throw new CmsException("CMS AuthEnvelopedData cannot be started: " + e.getMessage(), e);
        }
    }

    /** An X.509 certificate from its PEM text (the form the partner registry stores). */
    public static X509Certificate readCertificate(String pem) throws CmsException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new CmsException("not an X.509 certificate in PEM: " + e.getMessage(), e);
        }
    }

    /**
     * {@code sha256:} and the hex SHA-256 of the certificate's DER encoding: the recipient key fingerprint a
     * manifest names for a CMS package.
     */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    private static RecipientInfoGenerator recipientInfo(X509Certificate recipient) throws CmsException {
        PublicKey key = recipient.getPublicKey();
        try {
            if (key instanceof RSAPublicKey) {
                OAEPParameterSpec oaep =
                        new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
                return new JceKeyTransRecipientInfoGenerator(
                                recipient,
                                new JcaAlgorithmParametersConverter()
                                        .getAlgorithmIdentifier(PKCSObjectIdentifiers.id_RSAES_OAEP, oaep))
                        .setProvider(BC);
            }
            if (key instanceof ECPublicKey ec && isP256(ec)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(P256);
                KeyPair ephemeral = generator.generateKeyPair();
                return new JceKeyAgreeRecipientInfoGenerator(
                                CMSAlgorithm.ECDH_SHA256KDF,
                                ephemeral.getPrivate(),
                                ephemeral.getPublic(),
                                CMSAlgorithm.AES256_WRAP)
                        .addRecipient(recipient)
                        .setProvider(BC);
            }
        } catch (GeneralSecurityException e) {
            throw new CmsException("the recipient certificate cannot be used: " + e.getMessage(), e);
        }
        throw new CmsException("unsupported recipient key: expected RSA or EC P-256, found " + key.getAlgorithm()
                + (key instanceof ECPublicKey ? " on another curve" : ""));
    }

    private static boolean isP256(ECPublicKey key) throws GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(P256);
        ECParameterSpec p256 = parameters.getParameterSpec(ECParameterSpec.class);
        return p256.getCurve().equals(key.getParams().getCurve())
                && p256.getOrder().equals(key.getParams().getOrder());
    }

    /** Closes the sink after the CMS stream, which BC leaves open. */
    private static final class ClosingOutputStream extends java.io.FilterOutputStream {
        private final OutputStream sink;

        ClosingOutputStream(OutputStream cms, OutputStream sink) {
            super(cms);
            this.sink = sink;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            try (sink) {
                out.close();
            }
        }
    }
}
