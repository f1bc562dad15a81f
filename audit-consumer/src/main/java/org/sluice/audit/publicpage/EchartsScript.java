package org.sluice.audit.publicpage;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * {@code GET /public/echarts.min.js}: Apache ECharts from its web jar on the class path (the version the
 * root pom manages, read from the jar itself), so the page names no version and loads nothing from
 * elsewhere.
 */
@Path("/public/echarts.min.js")
@PermitAll
public class EchartsScript {

    private static final String POM = "META-INF/maven/org.webjars.npm/echarts/pom.properties";
    private static final String WEBJAR = "META-INF/resources/webjars/echarts/";

    private final String resource;

    public EchartsScript() {
        this.resource = WEBJAR + version() + "/dist/echarts.min.js";
    }

    /** The web jar's version. */
    static String version() {
        try (InputStream in = loader().getResourceAsStream(POM)) {
            if (in == null) {
                throw new IllegalStateException("the ECharts web jar is not on the class path (" + POM + ")");
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Produces("text/javascript")
    public Response script() {
        InputStream in = loader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("the ECharts web jar has no " + resource);
        }
        // the version only changes with a new build of the service: a day is safe
        return Response.ok(in, "text/javascript;charset=UTF-8")
                .header("Cache-Control", "public, max-age=86400")
                .build();
    }

    private static ClassLoader loader() {
        return Thread.currentThread().getContextClassLoader();
    }
}
