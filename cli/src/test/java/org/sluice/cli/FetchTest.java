package org.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sluice.cli.DecryptTest.fixture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sluice.crypto.sign.SigningKey;

/**
 * {@code sluice package fetch} and {@code package verify} against a gateway-like server: a good package arrives as its
 * exact plaintext; an interrupted download resumes with a byte range; a package that fails a check is refused naming
 * the defect, and leaves no file behind.
 */
class FetchTest {
    /** Three segments: two full, one of 1,000 bytes. */
    private static final int SIZE = 2 * 65_536 + 1_000;

    @TempDir
    Path dir;

    private FakeGateway gateway;
    private SealedPackages.Sealed sealed;
    private Path out;

    @BeforeEach
    void start() throws IOException {
        gateway = new FakeGateway();
        sealed = SealedPackages.seal(
                "pkg-1", SealedPackages.plaintext(SIZE), SealedPackages.publicKey("p-charite"), gateway.signingKey);
        gateway.serve("pkg-1", sealed);
        out = dir.resolve("payload.vcf");
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void aPackageIsVerifiedDecryptedMovedIntoPlaceAndAcknowledged() throws IOException {
        Cli.Result r = fetch("--ack");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(sealed.plaintext());
        assertThat(r.out())
                .contains("fetched pkg-1 to " + out + ": 132,072 bytes, sha256 " + sealed.plaintextSha256())
                .contains("acknowledged pkg-1: the gateway confirms the plaintext digest");
        assertThat(gateway.acknowledgements).containsExactly(sealed.plaintextSha256());
        assertThat(dir).isDirectoryNotContaining(p -> p.getFileName().toString().contains(".part"));
        assertThat(r.err())
                .contains("trusting the manifest keys the gateway publishes ([" + gateway.signingKey.keyId());
    }

    @Test
    void anAcknowledgementThatArrivesBeforeTheGatewayRecordedTheDownloadIsSentAgain() {
        gateway.recordFetchesLate(2);

        Cli.Result r = fetch("--ack");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(gateway.received("POST", "/api/v1/partner/packages/pkg-1/ack"))
                .hasSize(3);
        assertThat(gateway.acknowledgements).containsExactly(sealed.plaintextSha256());
    }

    @Test
    void anInterruptedDownloadResumesFromWhereItStoppedAndYieldsTheExactBytes() throws IOException {
        gateway.cutNextDownloadAfter(70_000).cutNextDownloadAfter(30_000);

        Cli.Result r = fetch();

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(sealed.plaintext());
        List<String> ranges = ranges();
        assertThat(ranges).hasSize(3).first().isNull();
        // each attempt resumes from what arrived, which is at most what was sent before the cut
        long second = rangeStart(ranges.get(1));
        long third = rangeStart(ranges.get(2));
        assertThat(second).isPositive().isLessThanOrEqualTo(70_000);
        assertThat(third).isGreaterThan(second).isLessThanOrEqualTo(second + 30_000);
        assertThat(resumed()).allMatch(q -> q.header("if-range") != null);
    }

    @Test
    void aGatewayThatIgnoresTheRangeGetsThePartialFileRewrittenFromTheStart() throws IOException {
        gateway.ignoreRanges().cutNextDownloadAfter(70_000);

        Cli.Result r = fetch();

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(sealed.plaintext());
        assertThat(ranges()).hasSize(2).last().asString().startsWith("bytes=");
    }

    @Test
    void aDownloadThatKeepsBreakingOffKeepsWhatArrivedAndTheNextRunResumesIt() throws IOException {
        gateway.cutNextDownloadAfter(50_000);

        Cli.Result first = fetch("--retries", "0");

        assertThat(first.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(first.err().lines().toList())
                .last()
                .asString()
                .startsWith("sluice: fetch pkg-1 broke off after ")
                .contains(" of 129.2 KiB (the connection broke off")
                .endsWith("run the same command again to resume");
        assertThat(out).doesNotExist();
        Path partial = dir.resolve("payload.vcf.pkg-1.part");
        long kept = Files.size(partial);
        assertThat(kept).isPositive().isLessThanOrEqualTo(50_000);

        Cli.Result second = fetch();

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(sealed.plaintext());
        assertThat(ranges()).containsExactly(null, "bytes=" + kept + "-");
        assertThat(partial).doesNotExist();
    }

    @Test
    void keepLeavesThePackageAndManifestForOfflineVerificationAndOtherTools() throws IOException {
        assertThat(fetch("--keep").exitCode()).isZero();
        Path pkg = dir.resolve("payload.vcf.c4gh");
        Path manifest = dir.resolve("payload.vcf.manifest.json");
        assertThat(pkg).hasBinaryContent(sealed.bytes());
        assertThat(manifest).hasBinaryContent(sealed.signedManifest());

        Path trusted = Files.writeString(dir.resolve("gateway.pem"), gateway.signingKey.publicKeyPem());
        Path again = dir.resolve("again.vcf");
        Cli.Result r = new Cli()
                .run(
                        "package",
                        "verify",
                        pkg.toString(),
                        "--manifest",
                        manifest.toString(),
                        "--key",
                        fixture("keys/p-charite.sec"),
                        "--trust",
                        trusted.toString(),
                        "--out",
                        again.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("verified pkg-1 (transfer tr-pkg-1): 132,072 bytes of plaintext");
        assertThat(Files.readAllBytes(again)).isEqualTo(sealed.plaintext());
    }

    @Test
    void aManifestSignedByAnotherKeyIsRefusedBeforeAnyDownload() {
        SigningKey other = SigningKey.generate();
        gateway.serve(
                "pkg-1",
                SealedPackages.seal("pkg-1", sealed.plaintext(), SealedPackages.publicKey("p-charite"), other));

        Cli.Result r = fetch();

        assertRefused(
                r,
                "package pkg-1 refused: the manifest is signed by key " + other.keyId()
                        + ", which is not trusted (trusted: [" + gateway.signingKey.keyId()
                        + "]); nothing was written");
        assertThat(gateway.received("GET", "/api/v1/partner/packages/pkg-1"))
                .allMatch(q -> q.path().endsWith("/manifest"));
    }

    @Test
    void aTrustedKeyFilePinsTheSignerInsteadOfTheGatewaysPublishedKeys() throws IOException {
        Path pinned = Files.writeString(
                dir.resolve("pinned.pem"), SigningKey.generate().publicKeyPem());

        Cli.Result r = fetch("--trust", pinned.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.VERIFICATION);
        assertThat(r.err())
                .contains("the manifest is signed by key " + gateway.signingKey.keyId() + ", which is not trusted");
        assertThat(gateway.received("GET", "/api/v1/keys")).isEmpty();
    }

    @Test
    void aPackageWhoseDigestDoesNotMatchItsManifestIsRefused() {
        SealedPackages.Sealed other = SealedPackages.seal(
                "pkg-1", SealedPackages.plaintext(SIZE), SealedPackages.publicKey("p-charite"), gateway.signingKey);
        gateway.serve("pkg-1", sealed.serving(other.bytes()));

        Cli.Result r = fetch();

        assertRefused(
                r,
                "package pkg-1 refused: the package header differs from the one the manifest was signed for"
                        + " (header SHA-256: expected ");
    }

    @Test
    void aTruncatedPackageIsRefusedAndItsBytesAreDeleted() {
        gateway.serve("pkg-1", sealed.serving(Arrays.copyOf(sealed.bytes(), sealed.bytes().length - 600)));

        Cli.Result r = fetch();

        assertRefused(r, "package pkg-1 refused: truncated last segment: segment 2 ends the file");
    }

    @Test
    void aPackageLongerThanItsManifestSaysIsRefusedBeforeDownloading() {
        gateway.serve("pkg-1", sealed.serving(Arrays.copyOf(sealed.bytes(), sealed.bytes().length + 1_000)));

        Cli.Result r = fetch();

        assertRefused(
                r,
                "fetch pkg-1 refused: the gateway serves 133,280 bytes, the signed manifest says the package"
                        + " has 132,280; nothing was downloaded");
    }

    @Test
    void aPackageWithAFlippedByteIsRefusedNamingTheSegment() {
        byte[] flipped = sealed.bytes().clone();
        flipped[flipped.length - 2_000] ^= 1;
        gateway.serve("pkg-1", sealed.serving(flipped));

        Cli.Result r = fetch();

        assertRefused(r, "package pkg-1 refused: segment 1 does not authenticate: its bytes were altered");
    }

    @Test
    void aPackageSealedForAnotherKeyIsRefusedBeforeDownloading() {
        Cli.Result r = new Cli()
                .gateway(gateway, FakeGateway.PARTNER)
                .run("package", "fetch", "pkg-1", "--key", fixture("keys/p-broad.sec"), "--out", out.toString());

        assertRefused(r, "package pkg-1 refused: it is sealed to key sha256:");
        assertThat(r.err()).contains("but --key is sha256:");
        assertThat(gateway.received("GET", "/api/v1/partner/packages/pkg-1").stream()
                        .filter(q -> q.path().equals("/api/v1/partner/packages/pkg-1")))
                .isEmpty();
    }

    @Test
    void anUnknownPackageIsTheGatewaysRefusalQuoted() {
        Cli.Result r = new Cli()
                .gateway(gateway, FakeGateway.PARTNER)
                .run("package", "fetch", "pkg-404", "--key", fixture("keys/p-charite.sec"), "--out", out.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(r.err().strip()).isEqualTo("sluice: Not found (HTTP 404): package pkg-404");
    }

    @Test
    void listShowsThePackagesAddressedToThePartner() {
        Cli.Result table = new Cli().gateway(gateway, FakeGateway.PARTNER).run("package", "list");
        Cli.Result ids = new Cli().gateway(gateway, FakeGateway.PARTNER).run("package", "list", "-q");

        assertThat(table.exitCode()).isZero();
        assertThat(table.out().lines().toList())
                .hasSize(2)
                .satisfies(lines -> assertThat(lines.get(0)).startsWith("PACKAGE  TRANSFER  STATUS"))
                .satisfies(lines -> assertThat(lines.get(1)).startsWith("pkg-1    tr-pkg-1  AVAILABLE  129.2 KiB"));
        assertThat(ids.out()).isEqualTo("pkg-1\n");
    }

    @Test
    void ackSendsTheDigestOfAPlaintextFile() throws IOException {
        Path plaintext = Files.write(dir.resolve("plain"), sealed.plaintext());

        Cli.Result r =
                new Cli().gateway(gateway, FakeGateway.PARTNER).run("package", "ack", "pkg-1", plaintext.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(gateway.acknowledgements).containsExactly(sealed.plaintextSha256());
    }

    @Test
    void anAuditReceiptInTheManifestIsCheckedAgainstTheLogsSignedCheckpoint() throws IOException {
        SigningKey log = SigningKey.generate();
        Path logKey = Files.writeString(dir.resolve("audit-log.pub.pem"), log.publicKeyPem());
        gateway.serve(
                "pkg-1",
                SealedPackages.seal(
                        "pkg-1",
                        sealed.plaintext(),
                        SealedPackages.publicKey("p-charite"),
                        gateway.signingKey,
                        receipt("dec-1", log)));

        Cli.Result r = fetch("--audit-key", logKey.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err())
                .contains("audit receipt: decision dec-1 is entry 1 of the audit log (checkpoint of 3 entries,"
                        + " signature checked)");
        assertThat(Files.readAllBytes(out)).isEqualTo(sealed.plaintext());
    }

    @Test
    void anAuditReceiptOfAnotherDecisionOrFromAnotherLogIsRefusedAndNothingWritten() throws IOException {
        SigningKey log = SigningKey.generate();
        Path logKey = Files.writeString(dir.resolve("audit-log.pub.pem"), log.publicKeyPem());
        gateway.serve(
                "pkg-1",
                SealedPackages.seal(
                        "pkg-1",
                        sealed.plaintext(),
                        SealedPackages.publicKey("p-charite"),
                        gateway.signingKey,
                        receipt("dec-other", log)));

        Cli.Result other = fetch();

        assertThat(other.exitCode()).isEqualTo(ExitCode.VERIFICATION);
        assertThat(other.err())
                .contains("package pkg-1 refused: its audit receipt is of decision dec-other, but the manifest names"
                        + " dec-1; nothing was written");
        assertThat(out).doesNotExist();

        gateway.serve(
                "pkg-1",
                SealedPackages.seal(
                        "pkg-1",
                        sealed.plaintext(),
                        SealedPackages.publicKey("p-charite"),
                        gateway.signingKey,
                        receipt("dec-1", SigningKey.generate())));
        Cli.Result forged = fetch("--audit-key", logKey.toString());

        assertThat(forged.exitCode()).isEqualTo(ExitCode.VERIFICATION);
        assertThat(forged.err())
                .contains("its audit receipt does not verify: the receipt's checkpoint does not check out");
        assertThat(out).doesNotExist();
    }

    /** The receipt of entry 1 (a decision) of a three-entry audit log signed by {@code log}. */
    private static org.sluice.crypto.manifest.AuditReceipt receipt(String decisionId, SigningKey log) {
        List<byte[]> entries = new java.util.ArrayList<>();
        for (String entry : List.of(
                "{\"id\":\"ev-0\",\"type\":\"TransferRequested\"}",
                "{\"data\":{\"decisionId\":\"" + decisionId + "\"},\"id\":\"ev-1\",\"type\":\"TransferDecided\"}",
                "{\"id\":\"ev-2\",\"type\":\"PackageSealed\"}")) {
            entries.add(entry.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return org.sluice.transparency.receipt.MemoryReceipts.receipt(
                entries, 1, "ev-1", "sluice.example/audit", log, java.time.Instant.parse("2026-11-23T10:15:31Z"));
    }

    private Cli.Result fetch(String... more) {
        String[] args = {"package", "fetch", "pkg-1", "--key", fixture("keys/p-charite.sec"), "--out", out.toString()};
        return new Cli().gateway(gateway, FakeGateway.PARTNER).run(DecryptTest.with(args, more));
    }

    private List<String> ranges() {
        return gateway.received("GET", "/api/v1/partner/packages/pkg-1").stream()
                .filter(q -> q.path().equals("/api/v1/partner/packages/pkg-1"))
                .map(q -> q.header("range"))
                .toList();
    }

    private List<FakeGateway.Received> resumed() {
        return gateway.received("GET", "/api/v1/partner/packages/pkg-1").stream()
                .filter(q -> q.header("range") != null)
                .toList();
    }

    private static long rangeStart(String range) {
        assertThat(range).matches("bytes=\\d+-");
        return Long.parseLong(range.substring("bytes=".length(), range.length() - 1));
    }

    private void assertRefused(Cli.Result r, String messageStart) {
        assertThat(r.exitCode()).isEqualTo(ExitCode.VERIFICATION);
        assertThat(r.err().lines().toList()).last().asString().startsWith("sluice: " + messageStart);
        assertThat(dir).isEmptyDirectory();
    }
}
