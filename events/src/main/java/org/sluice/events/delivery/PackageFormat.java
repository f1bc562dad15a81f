package org.sluice.events.delivery;

/** How a package is encrypted for its partner. */
public enum PackageFormat {
    /** GA4GH Crypt4GH 1.0 (X25519, ChaCha20-Poly1305). */
    CRYPT4GH,
    /** CMS AuthEnvelopedData (AES-256-GCM), for partners that cannot run Crypt4GH. */
    CMS
}
