package org.sluice.bench.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The baseline: one file served as a plain static file by the JDK's HTTP server, no authentication, no logic. */
final class StaticFileServer implements AutoCloseable {

    private final HttpServer server;

    private StaticFileServer(HttpServer server) {
        this.server = server;
    }

    static StaticFileServer serve(Path file) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/file", exchange -> {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                    OutputStream out = exchange.getResponseBody()) {
                exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
                exchange.sendResponseHeaders(200, channel.size());
                channel.transferTo(0, channel.size(), Channels.newChannel(out));
            }
        });
        server.start();
        return new StaticFileServer(server);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/file");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
