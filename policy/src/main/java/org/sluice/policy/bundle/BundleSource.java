package org.sluice.policy.bundle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The files of a bundle folder: relative path to UTF-8 text. Its digest covers every path and content,
 * so any change to any file gives another digest.
 *
 * @param files relative path ({@code /}-separated) to content, sorted by path
 */
public record BundleSource(Map<String, String> files) {

    /** The classpath index listing a built-in bundle's files, one path a line. */
    public static final String INDEX = "bundle.index";

    public BundleSource {
        files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** {@code sha256:<hex>} over every (path, content) pair in path order. */
    public String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> f : files.entrySet()) {
                byte[] path = f.getKey().getBytes(StandardCharsets.UTF_8);
                byte[] content = f.getValue().getBytes(StandardCharsets.UTF_8);
                sha.update(lengthPrefix(path.length));
                sha.update(path);
                sha.update(lengthPrefix(content.length));
                sha.update(content);
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] lengthPrefix(int n) {
        return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }

    /** A bundle folder on disk (YAML files only). */
    public static BundleSource fromDirectory(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            Map<String, String> files = new TreeMap<>();
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (rel.endsWith(".yaml") || rel.endsWith(".yml")) {
                    files.put(rel, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
            return new BundleSource(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundle folder " + dir, e);
        }
    }

    /** A built-in bundle on the classpath, whose files are listed in its {@value #INDEX}. */
    public static BundleSource fromClasspath(String folder) {
        ClassLoader loader = BundleSource.class.getClassLoader();
        String index = read(loader, folder + "/" + INDEX);
        Map<String, String> files = new TreeMap<>();
        for (String line : index.split("\n")) {
            String rel = line.trim();
            if (!rel.isEmpty() && !rel.startsWith("#")) {
                files.put(rel, read(loader, folder + "/" + rel));
            }
        }
        return new BundleSource(files);
    }

    /**
     * A bundle folder packed as a zip archive. Folders and non-YAML files are skipped; a single top
     * folder around everything is removed.
     *
     * @throws IllegalArgumentException not a zip archive, or an entry larger than {@code maxBytes}
     */
    public static BundleSource fromZip(byte[] zip, long maxBytes) {
        Map<String, String> files = new TreeMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String name = e.getName().replace('\\', '/');
                if (e.isDirectory() || !(name.endsWith(".yaml") || name.endsWith(".yml"))) {
                    continue;
                }
                if (name.startsWith("/") || name.contains("..")) {
                    throw new IllegalArgumentException("archive entry '" + name + "' leaves the bundle folder");
                }
                byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes - total + 1));
                total += content.length;
                if (total > maxBytes) {
                    throw new IllegalArgumentException("the archive unpacks to more than " + maxBytes + " bytes");
                }
                files.put(name, new String(content, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not a readable zip archive: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("the archive holds no YAML file");
        }
        return new BundleSource(stripCommonFolder(files));
    }

    private static Map<String, String> stripCommonFolder(Map<String, String> files) {
        if (files.containsKey(BundleLoader.MANIFEST)) {
            return files;
        }
        List<String> tops = files.keySet().stream()
                .map(p -> p.contains("/") ? p.substring(0, p.indexOf('/') + 1) : "")
                .distinct()
                .toList();
        if (tops.size() != 1 || tops.get(0).isEmpty()) {
            return files;
        }
        Map<String, String> stripped = new TreeMap<>();
        files.forEach((k, v) -> stripped.put(k.substring(tops.get(0).length()), v));
        return stripped;
    }

    private static String read(ClassLoader loader, String resource) {
        URL url = loader.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("no bundle resource " + resource);
        }
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
