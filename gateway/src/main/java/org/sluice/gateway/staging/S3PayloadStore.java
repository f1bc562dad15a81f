package org.sluice.gateway.staging;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.function.Predicate;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The payload store for clusters: a bucket of an S3-compatible object store, shared by every replica.
 * Committed objects live under {@code <prefix>objects/<key>}. A pending object is a run of chunk objects
 * under {@code <prefix>pending/<ref>/}: full parts {@code 00000}, {@code 00001}, ... and, after a sync, a
 * tail {@code <n>.tail} holding the bytes that follow the first n parts. Only the part being filled is in
 * memory. A commit assembles the parts into the object with a multipart upload that copies each part on
 * the server, so the object appears whole and at once, and a pending object stays readable (and
 * resumable by any replica) until then. What rests is only what the writer wrote: ciphertext.
 */
public final class S3PayloadStore implements PayloadStore, AutoCloseable {

    /** Smallest part S3 accepts in a multipart upload, other than the last. */
    public static final int MIN_PART_BYTES = 5 << 20;

    /** Most parts S3 accepts in one multipart upload. */
    public static final int MAX_PARTS = 10_000;

    private static final String TAIL = ".tail";
    private static final int DELETE_BATCH = 1000;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final int partBytes;

    /**
     * A store in {@code bucket}, under {@code prefix} (empty, or ending with {@code /}), writing parts of
     * {@code partBytes}.
     *
     * @throws IOException the bucket is not reachable with the client's credentials
     */
    public S3PayloadStore(S3Client s3, String bucket, String prefix, int partBytes) throws IOException {
        if (partBytes < MIN_PART_BYTES) {
            throw new IllegalArgumentException(
                    "an S3 part holds at least " + MIN_PART_BYTES + " bytes, not " + partBytes);
        }
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            throw new IllegalArgumentException("an S3 key prefix ends with '/': " + prefix);
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
        this.partBytes = partBytes;
        call("bucket " + bucket, () -> s3.headBucket(b -> b.bucket(bucket)));
    }

    /** Closes the client (its connections). */
    @Override
    public void close() {
        s3.close();
    }

    @Override
    public PendingObject create(String key) {
        return new S3PendingObject(objectKey(key), StoreKeys.newRef(key), List.of(), new byte[partBytes], 0);
    }

    @Override
    public PendingObject resume(String key, String ref, long length) throws IOException {
        String target = objectKey(key);
        Pending pending = inspect(ref);
        if (pending.length() < length) {
            throw new IOException("pending object " + ref + " has " + pending.length() + " bytes, not " + length);
        }
        int kept = 0;
        long start = 0;
        while (kept < pending.parts().size()
                && start + pending.parts().get(kept).size() <= length) {
            start += pending.parts().get(kept).size();
            kept++;
        }
        int rest = Math.toIntExact(length - start);
        byte[] buffer = new byte[Math.max(partBytes, rest)];
        String restFrom = kept < pending.parts().size()
                ? pending.parts().get(kept).key()
                : pending.tail().key();
        if (rest > 0) {
            try (InputStream in = call(
                    restFrom,
                    () -> s3.getObject(b -> b.bucket(bucket).key(restFrom).range("bytes=0-" + (rest - 1))))) {
                if (in.readNBytes(buffer, 0, rest) != rest) {
                    throw new IOException("pending object " + ref + " ended before " + length + " bytes");
                }
            }
        }
        // the cut-off tail is durable before anything after it goes; parts go last first, leaving no gap
        String tail = tailKey(ref, kept);
        call(tail, () -> s3.putObject(b -> b.bucket(bucket).key(tail), body(buffer, rest)));
        for (int i = pending.parts().size() - 1; i >= kept; i--) {
            String part = pending.parts().get(i).key();
            call(part, () -> s3.deleteObject(b -> b.bucket(bucket).key(part)));
        }
        List<String> staleTails = pending.keys().stream()
                .filter(k -> k.endsWith(TAIL) && !k.equals(tail))
                .toList();
        deleteKeys(staleTails);
        List<String> parts =
                pending.parts().subList(0, kept).stream().map(S3Object::key).toList();
        S3PendingObject object = new S3PendingObject(target, ref, parts, buffer, rest);
        object.tailStored = true;
        return object;
    }

    @Override
    public InputStream openPending(String ref) throws IOException {
        Pending pending = inspect(ref);
        List<String> keys = new ArrayList<>();
        pending.parts().forEach(p -> keys.add(p.key()));
        if (pending.tail() != null) {
            keys.add(pending.tail().key());
        }
        Iterator<String> next = keys.iterator();
        return new SequenceInputStream(new java.util.Enumeration<InputStream>() {
            @Override
            public boolean hasMoreElements() {
                return next.hasNext();
            }

            @Override
            public InputStream nextElement() {
                if (!next.hasNext()) {
                    throw new NoSuchElementException();
                }
                String key = next.next();
                return s3.getObject(b -> b.bucket(bucket).key(key)); // opened only when the one before is read
            }
        });
    }

    @Override
    public boolean deletePending(String ref) throws IOException {
        List<String> keys = list(pendingPrefix(ref)).stream().map(S3Object::key).toList();
        deleteKeys(keys);
        return !keys.isEmpty();
    }

    @Override
    public InputStream open(String key, long offset) throws IOException {
        String object = objectKey(key);
        GetObjectRequest.Builder request =
                GetObjectRequest.builder().bucket(bucket).key(object);
        if (offset > 0) {
            request.range("bytes=" + offset + "-");
        }
        try {
            return call(object, () -> s3.getObject(request.build()));
        } catch (RangeNotSatisfiable e) {
            return InputStream.nullInputStream(); // the offset is at or past the end, as a file read there
        }
    }

    @Override
    public long size(String key) throws IOException {
        String object = objectKey(key);
        return call(object, () -> s3.headObject(b -> b.bucket(bucket).key(object)))
                .contentLength();
    }

    @Override
    public boolean exists(String key) {
        try {
            size(key);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public boolean delete(String key) throws IOException {
        if (!exists(key)) {
            return false;
        }
        String object = objectKey(key);
        call(object, () -> s3.deleteObject(b -> b.bucket(bucket).key(object)));
        return true;
    }

    @Override
    public void discardPending(Instant cutoff, Predicate<String> inUse) throws IOException {
        String root = prefix + "pending/";
        Map<String, List<String>> keys = new HashMap<>();
        Map<String, Instant> newest = new HashMap<>();
        for (S3Object o : list(root)) {
            String rest = o.key().substring(root.length());
            int slash = rest.indexOf('/');
            String ref = slash < 0 ? rest : rest.substring(0, slash);
            keys.computeIfAbsent(ref, r -> new ArrayList<>()).add(o.key());
            newest.merge(ref, o.lastModified(), (a, b) -> a.isAfter(b) ? a : b);
        }
        for (Map.Entry<String, List<String>> pending : keys.entrySet()) {
            if (newest.get(pending.getKey()).isBefore(cutoff) && !inUse.test(pending.getKey())) {
                deleteKeys(pending.getValue());
            }
        }
        // commits a crash interrupted: their copied parts would be kept (and billed) for ever
        String objects = prefix + "objects/";
        List<MultipartUpload> uploads = call(
                        objects,
                        () -> s3.listMultipartUploadsPaginator(
                                b -> b.bucket(bucket).prefix(objects)))
                .uploads()
                .stream()
                .filter(u -> u.initiated().isBefore(cutoff))
                .toList();
        for (MultipartUpload u : uploads) {
            call(
                    u.key(),
                    () -> s3.abortMultipartUpload(
                            b -> b.bucket(bucket).key(u.key()).uploadId(u.uploadId())));
        }
    }

    private String objectKey(String key) {
        return prefix + "objects/" + StoreKeys.checkKey(key);
    }

    private String pendingPrefix(String ref) {
        return prefix + "pending/" + StoreKeys.checkRef(ref) + "/";
    }

    private String partKey(String ref, int index) {
        return pendingPrefix(ref) + String.format(Locale.ROOT, "%05d", index);
    }

    private String tailKey(String ref, int index) {
        return partKey(ref, index) + TAIL;
    }

    /**
     * What a pending object holds: its parts from {@code 00000} on without a gap, and the tail written
     * after the last of them, if any (tails of earlier lengths, and parts after a gap, are left-overs of a
     * writer that stopped half-way through a resume, and do not count).
     */
    private record Pending(List<S3Object> parts, S3Object tail, List<String> keys) {
        long length() {
            long parts = this.parts.stream().mapToLong(S3Object::size).sum();
            return parts + (tail == null ? 0 : tail.size());
        }
    }

    private Pending inspect(String ref) throws IOException {
        String root = pendingPrefix(ref);
        List<S3Object> objects = list(root);
        if (objects.isEmpty()) {
            throw new NoSuchFileException(ref, null, "no pending object");
        }
        Map<Integer, S3Object> parts = new TreeMap<>();
        Map<Integer, S3Object> tails = new TreeMap<>();
        for (S3Object o : objects) {
            String name = o.key().substring(root.length());
            boolean tail = name.endsWith(TAIL);
            String index = tail ? name.substring(0, name.length() - TAIL.length()) : name;
            if (index.matches("[0-9]{5}")) {
                (tail ? tails : parts).put(Integer.parseInt(index), o);
            }
        }
        List<S3Object> run = new ArrayList<>();
        while (parts.containsKey(run.size())) {
            run.add(parts.get(run.size()));
        }
        List<String> keys = objects.stream().map(S3Object::key).toList();
        return new Pending(Collections.unmodifiableList(run), tails.get(run.size()), keys);
    }

    private List<S3Object> list(String keyPrefix) throws IOException {
        return call(
                        keyPrefix,
                        () -> s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(keyPrefix)))
                .contents()
                .stream()
                .toList();
    }

    private void deleteKeys(List<String> keys) throws IOException {
        for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH)).stream()
                    .map(k -> ObjectIdentifier.builder().key(k).build())
                    .toList();
            var response = call(
                    batch.get(0).key(),
                    () -> s3.deleteObjects(
                            b -> b.bucket(bucket).delete(d -> d.objects(batch).quiet(true))));
            if (response.hasErrors() && !response.errors().isEmpty()) {
                throw new IOException(
                        "cannot delete " + response.errors().get(0).key() + ": "
                                + response.errors().get(0).message());
            }
        }
    }

    private static RequestBody body(byte[] buffer, int length) {
        return RequestBody.fromContentProvider(
                () -> new ByteArrayInputStream(buffer, 0, length), length, "application/octet-stream");
    }

    @FunctionalInterface
    private interface S3Call<T> {
        T run();
    }

    /** Runs a request, turning the SDK's unchecked failures into the store's checked ones. */
    private static <T> T call(String what, S3Call<T> request) throws IOException {
        try {
            return request.run();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new NoSuchFileException(what, null, e.awsErrorDetails().errorMessage());
            }
            if (e.statusCode() == 416) {
                throw new RangeNotSatisfiable(what, e);
            }
            throw new IOException("S3 refused a request on " + what + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("S3 request on " + what + " failed: " + e.getMessage(), e);
        }
    }

    /** A read from an offset at or past an object's end. */
    private static final class RangeNotSatisfiable extends IOException {
        private static final long serialVersionUID = 1L;

        RangeNotSatisfiable(String what, Throwable cause) {
            super("no bytes of " + what + " at that offset", cause);
        }
    }

    private final class S3PendingObject implements PendingObject {
        private final String target;
        private final String ref;
        private final List<String> parts;
        private final byte[] buffer;
        private final OutputStream stream = new PartStream();
        private int buffered;
        private boolean tailStored;
        private boolean committed;
        private boolean detached;

        S3PendingObject(String target, String ref, List<String> parts, byte[] buffer, int buffered) {
            this.target = target;
            this.ref = ref;
            this.parts = new ArrayList<>(parts);
            this.buffer = buffer;
            this.buffered = buffered;
        }

        @Override
        public OutputStream stream() {
            return stream;
        }

        @Override
        public String ref() {
            return ref;
        }

        @Override
        public void sync() throws IOException {
            String tail = tailKey(ref, parts.size());
            call(tail, () -> s3.putObject(b -> b.bucket(bucket).key(tail), body(buffer, buffered)));
            tailStored = true;
        }

        @Override
        public void detach() {
            detached = true; // nothing is written: another writer may own the pending object by now
        }

        @Override
        public void commit() throws IOException {
            if (parts.isEmpty()) {
                call(target, () -> s3.putObject(b -> b.bucket(bucket).key(target), body(buffer, buffered)));
            } else {
                assemble();
            }
            committed = true;
            try {
                deletePending(ref);
            } catch (IOException e) {
                // committed all the same: discardPending sweeps the parts once they are old and unclaimed
            }
        }

        private void assemble() throws IOException {
            String uploadId = call(
                            target,
                            () -> s3.createMultipartUpload(b -> b.bucket(bucket).key(target)))
                    .uploadId();
            try {
                List<CompletedPart> completed = new ArrayList<>();
                for (int i = 0; i < parts.size(); i++) {
                    int number = i + 1;
                    String source = parts.get(i);
                    String etag = call(
                                    source,
                                    () -> s3.uploadPartCopy(b -> b.sourceBucket(bucket)
                                            .sourceKey(source)
                                            .destinationBucket(bucket)
                                            .destinationKey(target)
                                            .uploadId(uploadId)
                                            .partNumber(number)))
                            .copyPartResult()
                            .eTag();
                    completed.add(CompletedPart.builder()
                            .partNumber(number)
                            .eTag(etag)
                            .build());
                }
                if (buffered > 0) {
                    int number = parts.size() + 1;
                    String etag = call(
                                    target,
                                    () -> s3.uploadPart(
                                            b -> b.bucket(bucket)
                                                    .key(target)
                                                    .uploadId(uploadId)
                                                    .partNumber(number),
                                            body(buffer, buffered)))
                            .eTag();
                    completed.add(CompletedPart.builder()
                            .partNumber(number)
                            .eTag(etag)
                            .build());
                }
                call(
                        target,
                        () -> s3.completeMultipartUpload(b -> b.bucket(bucket)
                                .key(target)
                                .uploadId(uploadId)
                                .multipartUpload(m -> m.parts(completed))));
            } catch (IOException | RuntimeException e) {
                try {
                    call(
                            target,
                            () -> s3.abortMultipartUpload(
                                    b -> b.bucket(bucket).key(target).uploadId(uploadId)));
                } catch (IOException abort) {
                    e.addSuppressed(abort);
                }
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            if (!committed && !detached && (tailStored || !parts.isEmpty())) {
                deletePending(ref);
            }
        }

        /** Stores the full buffer as the next part; a tail stored at its place is now part of it. */
        private void storePart() throws IOException {
            int index = parts.size();
            String part = partKey(ref, index);
            call(part, () -> s3.putObject(b -> b.bucket(bucket).key(part), body(buffer, buffered)));
            parts.add(part);
            buffered = 0;
            if (tailStored) {
                String tail = tailKey(ref, index);
                call(tail, () -> s3.deleteObject(b -> b.bucket(bucket).key(tail)));
                tailStored = false;
            }
        }

        private final class PartStream extends OutputStream {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                java.util.Objects.checkFromIndexSize(off, len, b.length);
                if (len > 0 && parts.size() == MAX_PARTS) {
                    throw new IOException("an S3 object holds at most " + MAX_PARTS + " parts of " + partBytes
                            + " bytes; raise the store's part size");
                }
                while (len > 0) {
                    int n = Math.min(len, buffer.length - buffered);
                    System.arraycopy(b, off, buffer, buffered, n);
                    buffered += n;
                    off += n;
                    len -= n;
                    if (buffered == buffer.length) {
                        storePart();
                    }
                }
            }
        }
    }
}
