package dev.garden.models.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on the loopback address that plays package indexes, Hugging Face and npm for tests. Routes match
 * the raw (still percent-encoded) path exactly; it counts the requests to each path and keeps their
 * {@code Authorization} headers.
 */
final class FakeServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, List<String>> authorizations = new ConcurrentHashMap<>();

    private FakeServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    static FakeServer start() {
        try {
            return new FakeServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This server's address with {@code path} appended. */
    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Answers requests to {@code path} with {@code handler}. */
    void route(String path, HttpHandler handler) {
        routes.put(path, handler);
    }

    /** Answers requests to {@code path} with 200 and {@code body}. */
    void file(String path, String contentType, byte[] body) {
        route(path, exchange -> send(exchange, 200, contentType, body));
    }

    /** Answers the next {@code times} requests to {@code path} with {@code status}, then as before. */
    void failFirst(String path, int times, int status) {
        HttpHandler next = routes.get(path);
        AtomicInteger left = new AtomicInteger(times);
        route(path, exchange -> {
            if (left.getAndDecrement() > 0) {
                byte[] body = ("failing on purpose: " + status).getBytes(StandardCharsets.UTF_8);
                send(exchange, status, "text/plain", body);
            } else {
                next.handle(exchange);
            }
        });
    }

    /** Answers requests to {@code path} as before, each after a pause. */
    void delay(String path, Duration pause) {
        HttpHandler next = routes.get(path);
        route(path, exchange -> {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            next.handle(exchange);
        });
    }

    /** How many requests reached {@code path}. */
    int requests(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    /** The {@code Authorization} header of each request to {@code path}, {@code ""} where there was none. */
    List<String> authorizations(String path) {
        return authorizations.getOrDefault(path, List.of());
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
                .add(authorization == null ? "" : authorization);
        HttpHandler handler = routes.get(path);
        try (exchange) {
            if (handler == null) {
                send(exchange, 404, "text/plain", ("no route for " + path).getBytes(StandardCharsets.UTF_8));
            } else {
                handler.handle(exchange);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
