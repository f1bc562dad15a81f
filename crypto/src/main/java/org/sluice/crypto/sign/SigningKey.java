package org.sluice.crypto.sign;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * An Ed25519 signing key with its public half and id: the gateway's manifest key, the audit log's
 * checkpoint key. Stored as PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}); never logged.
 *
 * @param keyId {@link Ed25519#keyId} of the public key
 * @param privateKey the private key
 * @param publicKey the public key
 */
public record SigningKey(String keyId, PrivateKey privateKey, PublicKey publicKey) {

    /** A fresh key. */
    public static SigningKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new SigningKey(Ed25519.keyId(pair.getPublic()), pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    /** Reads a PKCS#8 PEM private key and derives its public key. */
    public static SigningKey fromPem(String privateKeyPem) throws SignatureException {
        byte[] der = Pem.decode(privateKeyPem, "PRIVATE KEY");
        try {
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
            // PKCS#8 v1 carries only the 32-byte seed, as the last 32 bytes of the structure
            byte[] seed = Arrays.copyOfRange(der, der.length - 32, der.length);
            byte[] rawPublic =
                    new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
            PublicKey publicKey = Ed25519.fromRaw(rawPublic);
            return new SigningKey(Ed25519.keyId(publicKey), privateKey, publicKey);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SignatureException("not an Ed25519 private key in PKCS#8 PEM", e);
        }
    }

    /** The PKCS#8 PEM of the private key (for storing it; never log it). */
    public String privateKeyPem() {
        return Pem.encode("PRIVATE KEY", privateKey.getEncoded());
    }

    /** The PEM of the public key. */
    public String publicKeyPem() {
        return Ed25519.toPem(publicKey);
    }

    /** Signs a message (Ed25519 is deterministic: the same message gives the same signature). */
    public byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[" + keyId + "]"; // the private key never appears in logs
    }
}
