package org.sluice.crypto.cms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.sluice.crypto.sign.Pem;

/** What CmsWriter produces, `openssl cms -decrypt` turns back into the same bytes. */
@EnabledIf("opensslIsInstalled")
class CmsWriterTest {
    private static final byte[] PAYLOAD = payload(3 * 1024 * 1024 + 17);

    @TempDir
    Path dir;

    @Test
    void anRsaOaepRecipientDecryptsWithOpenssl() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        assertThat(roundTripThroughOpenssl(rsa.generateKeyPair(), "SHA256withRSA"))
                .isEqualTo(PAYLOAD);
    }

    @Test
    void anEcdhP256RecipientDecryptsWithOpenssl() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        assertThat(roundTripThroughOpenssl(ec.generateKeyPair(), "SHA256withECDSA"))
                .isEqualTo(PAYLOAD);
    }

    @Test
    void otherRecipientKeysAreRefusedWithTheReason() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp384r1"));
        X509Certificate p384 = certificate(ec.generateKeyPair(), "SHA384withECDSA");
        assertThatThrownBy(() -> CmsWriter.encrypt(OutputStream.nullOutputStream(), p384))
                .isInstanceOf(CmsException.class)
                .hasMessage("unsupported recipient key: expected RSA or EC P-256, found EC on another curve");
        assertThatThrownBy(
                        () -> CmsWriter.readCertificate("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"))
                .isInstanceOf(CmsException.class)
                .hasMessageStartingWith("not an X.509 certificate in PEM");
    }

    @Test
    void theFingerprintIsTheSha256OfTheCertificateAsOpensslPrintsIt() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        X509Certificate certificate = certificate(ec.generateKeyPair(), "SHA256withECDSA");
        Path cert = Files.writeString(dir.resolve("c.pem"), Pem.encode("CERTIFICATE", certificate.getEncoded()));
        Process openssl = new ProcessBuilder(
                        "openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in", cert.toString())
                .start();
        String printed = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // openssl prints "sha256 Fingerprint=AB:CD:..."
        String hex = printed.substring(printed.indexOf('=') + 1)
                .trim()
                .replace(":", "")
                .toLowerCase(java.util.Locale.ROOT);
        assertThat(CmsWriter.fingerprint(certificate))
                .isEqualTo("sha256:" + hex)
                .hasSize(7 + 64);
    }

    private byte[] roundTripThroughOpenssl(KeyPair keys, String signatureAlgorithm) throws Exception {
        X509Certificate certificate = certificate(keys, signatureAlgorithm);
        Path cert =
                Files.writeString(dir.resolve("recipient.pem"), Pem.encode("CERTIFICATE", certificate.getEncoded()));
        Path key = Files.writeString(
                dir.resolve("recipient.key"),
                Pem.encode("PRIVATE KEY", keys.getPrivate().getEncoded()));
        Path sealed = dir.resolve("payload.cms");
        Path opened = dir.resolve("payload.out");

        X509Certificate fromPem = CmsWriter.readCertificate(Files.readString(cert, StandardCharsets.US_ASCII));
        try (OutputStream out = CmsWriter.encrypt(Files.newOutputStream(sealed), fromPem)) {
            for (int off = 0; off < PAYLOAD.length; off += 10_000) {
                out.write(PAYLOAD, off, Math.min(10_000, PAYLOAD.length - off));
            }
        }
        byte[] der = Files.readAllBytes(sealed);
        assertThat(new byte[] {der[0], der[1]})
                .as("BER, indefinite length: streamed")
                .containsExactly(0x30, 0x80);

        Process openssl = new ProcessBuilder(
                        "openssl",
                        "cms",
                        "-decrypt",
                        "-inform",
                        "DER",
                        "-in",
                        sealed.toString(),
                        "-recip",
                        cert.toString(),
                        "-inkey",
                        key.toString(),
                        "-out",
                        opened.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as(output).isZero();
        return Files.readAllBytes(opened);
    }

    private static X509Certificate certificate(KeyPair keys, String signatureAlgorithm) throws Exception {
        X500Name name = new X500Name("CN=p-cms-demo, O=Sluice test partner");
        Instant now = Instant.now();
        return new JcaX509CertificateConverter()
                .getCertificate(new JcaX509v3CertificateBuilder(
                                name,
                                BigInteger.ONE,
                                Date.from(now.minus(Duration.ofDays(1))),
                                Date.from(now.plus(Duration.ofDays(1))),
                                name,
                                keys.getPublic())
                        .build(new JcaContentSignerBuilder(signatureAlgorithm).build(keys.getPrivate())));
    }

    private static byte[] payload(int size) {
        byte[] bytes = new byte[size];
        new SplittableRandom(size).nextBytes(bytes);
        return bytes;
    }

    static boolean opensslIsInstalled() {
        try {
            return new ProcessBuilder("openssl", "version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
