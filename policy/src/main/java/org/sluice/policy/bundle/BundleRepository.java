package org.sluice.policy.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.sluice.events.json.Json;
import org.sluice.policy.store.Jdbc;

/** Every bundle ever accepted, by digest, and which one is active. */
@ApplicationScoped
public class BundleRepository {

    private static final TypeReference<Map<String, String>> FILES = new TypeReference<>() {};

    private final Jdbc jdbc;

    public BundleRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a bundle's files (once per digest). */
    public void save(Bundle bundle) {
        try {
            jdbc.update(
                    "INSERT INTO bundles (digest, bundle_id, version, files) VALUES (?, ?, ?, ?::jsonb)"
                            + " ON CONFLICT (digest) DO NOTHING",
                    bundle.digest(),
                    bundle.id(),
                    bundle.version(),
                    Json.mapper().writeValueAsString(bundle.source().files()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The files of a stored bundle. */
    public Optional<BundleSource> source(String digest) {
        return jdbc.one(
                "SELECT files FROM bundles WHERE digest = ?",
                rs -> new BundleSource(Json.mapper().readValue(rs.getString(1), FILES)),
                digest);
    }

    /** The digest of the active bundle, if one was ever activated. */
    public Optional<String> activeDigest() {
        return jdbc.one("SELECT digest FROM active_bundle", rs -> rs.getString(1));
    }

    /** Makes a stored bundle the active one. */
    public void activate(String digest, String by, Instant at) {
        jdbc.update(
                "INSERT INTO active_bundle (singleton, digest, activated_at, activated_by) VALUES (TRUE, ?, ?, ?)"
                        + " ON CONFLICT (singleton) DO UPDATE SET digest = excluded.digest,"
                        + " activated_at = excluded.activated_at, activated_by = excluded.activated_by",
                digest,
                at,
                by);
    }
}
