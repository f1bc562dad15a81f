package org.sluice.transparency.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Certificate Transparency test vectors as published by transparency-dev/merkle: leaves and roots in
 * {@code testonly/constants.go}, inclusion and consistency proofs in {@code proof/verify_test.go} (the same
 * vectors as google/certificate-transparency's {@code merkle_tree_test.cc}). Index conventions there are
 * 1-based for leaves; here they are converted to RFC 9162's 0-based indices.
 */
class Rfc9162VectorsTest {

    private static final List<byte[]> LEAVES =
            hexes("", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    /** Root of the tree of the first {@code i} leaves. */
    private static final List<byte[]> ROOTS = hexes(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private record InclusionVector(long index, long size, List<byte[]> proof) {}

    private record ConsistencyVector(long size1, long size2, List<byte[]> proof) {}

    private static final List<InclusionVector> INCLUSION = List.of(
            new InclusionVector(0, 1, List.of()),
            new InclusionVector(
                    0,
                    8,
                    hexes(
                            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new InclusionVector(
                    5,
                    8,
                    hexes(
                            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new InclusionVector(2, 3, hexes("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
            new InclusionVector(
                    1,
                    5,
                    hexes(
                            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));

    private static final List<ConsistencyVector> CONSISTENCY = List.of(
            new ConsistencyVector(1, 1, List.of()),
            new ConsistencyVector(
                    1,
                    8,
                    hexes(
                            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new ConsistencyVector(
                    6,
                    8,
                    hexes(
                            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new ConsistencyVector(
                    2,
                    5,
                    hexes(
                            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
            new ConsistencyVector(
                    6,
                    7,
                    hexes(
                            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));

    private final MemoryTree tree = MemoryTree.ofEntries(LEAVES);

    @Test
    void rootsOfEverySizeAreThePublishedOnes() {
        ProofBuilder builder = new ProofBuilder(tree);
        CompactRange growing = CompactRange.empty();
        assertThat(hex(growing.root())).isEqualTo(hex(ROOTS.get(0)));
        for (int size = 1; size <= LEAVES.size(); size++) {
            growing.append(Rfc9162.leafHash(LEAVES.get(size - 1)), node -> {});
            assertThat(hex(growing.root())).as("compact range of size %d", size).isEqualTo(hex(ROOTS.get(size)));
            assertThat(hex(builder.root(size)))
                    .as("built root of size %d", size)
                    .isEqualTo(hex(ROOTS.get(size)));
        }
    }

    @Test
    void inclusionProofsAreThePublishedOnesAndVerify() throws Exception {
        ProofBuilder builder = new ProofBuilder(tree);
        for (InclusionVector v : INCLUSION) {
            List<byte[]> built = builder.inclusion(v.index(), v.size());
            assertThat(built)
                    .extracting(Rfc9162VectorsTest::hex)
                    .as("proof of %d in %d", v.index(), v.size())
                    .containsExactlyElementsOf(
                            v.proof().stream().map(Rfc9162VectorsTest::hex).toList());
            InclusionProofVerifier.verify(
                    v.index(), v.size(), tree.leaf(v.index()), v.proof(), ROOTS.get((int) v.size()));
        }
    }

    @Test
    void consistencyProofsAreThePublishedOnesAndVerify() throws Exception {
        ProofBuilder builder = new ProofBuilder(tree);
        for (ConsistencyVector v : CONSISTENCY) {
            List<byte[]> built = builder.consistency(v.size1(), v.size2());
            assertThat(built)
                    .extracting(Rfc9162VectorsTest::hex)
                    .as("proof from %d to %d", v.size1(), v.size2())
                    .containsExactlyElementsOf(
                            v.proof().stream().map(Rfc9162VectorsTest::hex).toList());
            ConsistencyProofVerifier.verify(
                    v.size1(), v.size2(), v.proof(), ROOTS.get((int) v.size1()), ROOTS.get((int) v.size2()));
        }
    }

    @Test
    void everyMutationOfAPublishedInclusionProofIsRejected() {
        InclusionVector v = INCLUSION.get(2);
        byte[] leaf = tree.leaf(v.index());
        byte[] root = ROOTS.get(8);
        assertRejected(() -> InclusionProofVerifier.verify(v.index() + 1, 8, leaf, v.proof(), root));
        assertRejected(() -> InclusionProofVerifier.verify(v.index() - 1, 8, leaf, v.proof(), root));
        assertRejected(() -> InclusionProofVerifier.verify(v.index(), 16, leaf, v.proof(), root));
        assertRejected(() -> InclusionProofVerifier.verify(v.index(), 4, leaf, v.proof(), root));
        assertRejected(() -> InclusionProofVerifier.verify(v.index(), 8, ROOTS.get(1), v.proof(), root));
        assertRejected(() -> InclusionProofVerifier.verify(v.index(), 8, leaf, v.proof(), ROOTS.get(7)));
        assertRejected(() ->
                InclusionProofVerifier.verify(v.index(), 8, leaf, v.proof().subList(0, 2), root));
        List<byte[]> longer = new ArrayList<>(v.proof());
        longer.add(root);
        assertRejected(() -> InclusionProofVerifier.verify(v.index(), 8, leaf, longer, root));
        for (int i = 0; i < v.proof().size(); i++) {
            List<byte[]> flipped = new ArrayList<>(v.proof());
            byte[] bad = flipped.get(i).clone();
            bad[0] ^= 8;
            flipped.set(i, bad);
            assertRejected(() -> InclusionProofVerifier.verify(v.index(), 8, leaf, flipped, root));
        }
    }

    @Test
    void everyMutationOfAPublishedConsistencyProofIsRejected() {
        ConsistencyVector v = CONSISTENCY.get(2);
        byte[] r1 = ROOTS.get(6);
        byte[] r2 = ROOTS.get(8);
        assertRejected(() -> ConsistencyProofVerifier.verify(5, 8, v.proof(), r1, r2));
        assertRejected(() -> ConsistencyProofVerifier.verify(7, 8, v.proof(), r1, r2));
        assertRejected(() -> ConsistencyProofVerifier.verify(6, 16, v.proof(), r1, r2));
        assertRejected(() -> ConsistencyProofVerifier.verify(6, 8, v.proof(), r2, r1));
        assertRejected(() -> ConsistencyProofVerifier.verify(6, 8, List.of(), r1, r2));
        assertRejected(() -> ConsistencyProofVerifier.verify(6, 8, v.proof().subList(0, 2), r1, r2));
        assertRejected(() -> ConsistencyProofVerifier.verify(8, 6, v.proof(), r2, r1));
        for (int i = 0; i < v.proof().size(); i++) {
            List<byte[]> flipped = new ArrayList<>(v.proof());
            byte[] bad = flipped.get(i).clone();
            bad[0] ^= 16;
            flipped.set(i, bad);
            assertRejected(() -> ConsistencyProofVerifier.verify(6, 8, flipped, r1, r2));
        }
    }

    @Test
    void everyProofOfLargerTreesVerifiesSoEveryShapeOfTheRecursionIsCovered() throws Exception {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            entries.add(new byte[] {(byte) i, (byte) (i * 7)});
        }
        MemoryTree big = MemoryTree.ofEntries(entries);
        ProofBuilder builder = new ProofBuilder(big);
        for (long size = 1; size <= big.size(); size++) {
            byte[] root = builder.root(size);
            for (long index = 0; index < size; index++) {
                InclusionProofVerifier.verify(index, size, big.leaf(index), builder.inclusion(index, size), root);
            }
            for (long older = 0; older <= size; older++) {
                ConsistencyProofVerifier.verify(
                        older, size, builder.consistency(older, size), builder.root(older), root);
            }
        }
    }

    @Test
    void theNodesAProofNeedsAreNamedBeforehand() {
        for (long size = 1; size <= 8; size++) {
            for (long index = 0; index < size; index++) {
                var needed = ProofBuilder.nodesForInclusion(index, size);
                NodeSource onlyThose = id -> {
                    assertThat(needed).contains(id);
                    return tree.hash(id);
                };
                assertThat(new ProofBuilder(onlyThose).inclusion(index, size))
                        .hasSize(new ProofBuilder(tree).inclusion(index, size).size());
            }
        }
    }

    @Test
    void aLeafOutsideTheTreeHasNoProof() {
        assertThatThrownBy(() -> new ProofBuilder(tree).inclusion(8, 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leaf index 8 is outside a tree of size 8");
        assertThatThrownBy(() -> new ProofBuilder(tree).consistency(5, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from 5 and to 3");
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfAny(InclusionProofException.class, ConsistencyProofException.class);
    }

    private static List<byte[]> hexes(String... values) {
        return java.util.Arrays.stream(values).map(HexFormat.of()::parseHex).toList();
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
