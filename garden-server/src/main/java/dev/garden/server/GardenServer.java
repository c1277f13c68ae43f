package dev.garden.server;

import dev.garden.auth.GardenAuth;
import dev.garden.auth.TokenEndpoint;
import dev.garden.core.IdGenerator;
import dev.garden.core.inference.ModelRegistry;
import io.helidon.webserver.WebServer;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Garden's HTTP server: Vertex AI's OpenAI-compatible Chat Completions API over the models of a
 * {@link ModelRegistry}.
 *
 * <p>Routes: {@code POST /v1/projects/{project}/locations/{location}/endpoints/openapi/chat/completions} (and the
 * same under {@code /v1beta1/}), {@code GET /healthz} (liveness) and {@code GET /readyz} (readiness). Every error
 * is Google-shaped: {@code {"error": {"code", "message", "status"}}}.
 *
 * <pre>{@code
 * GardenServer server = GardenServer.builder()
 *         .registry(registry)
 *         .port(8080)
 *         .build()
 *         .start();
 * Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
 * }</pre>
 *
 * <p>Each request runs on its own virtual thread. The server registers no JVM shutdown hook of its own: its owner
 * calls {@link #stop()}, which cancels the generations under way before it closes the listener.
 */
public final class GardenServer implements AutoCloseable {
    /** The default port. */
    public static final int DEFAULT_PORT = 8080;
    /** The default address: loopback, so that nothing is exposed unless asked for. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The default request body limit, Vertex AI's: 20 MiB. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 20L * 1024 * 1024;

    private final String host;
    private final int port;
    private final long maxRequestBytes;
    private final BooleanSupplier readiness;
    private final Authenticator authenticator;
    private final Optional<TokenEndpoint> tokenEndpoint;
    private final ChatCompletionsServing serving;

    private WebServer webServer;
    private volatile boolean stopped;

    private GardenServer(Builder builder) {
        this.host = builder.host;
        this.port = builder.port;
        this.maxRequestBytes = builder.maxRequestBytes;
        this.readiness = builder.readiness;
        this.authenticator = builder.authenticator;
        this.tokenEndpoint = Optional.ofNullable(builder.tokenEndpoint);
        this.serving = new ChatCompletionsServing(builder.registry, builder.clock, builder.ids);
    }

    /** A builder with the defaults: loopback, port {@value #DEFAULT_PORT}, the system clock, random ids. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the listener and starts serving. A server starts once; after {@link #stop()} build a new one.
     *
     * @return this server, for chaining
     * @throws IllegalStateException if it was started before
     */
    public synchronized GardenServer start() {
        if (webServer != null || stopped) {
            throw new IllegalStateException("A GardenServer starts only once");
        }
        ChatCompletionsRouter chat = new ChatCompletionsRouter(serving, authenticator, maxRequestBytes);
        webServer = WebServer.builder()
                .host(host)
                .port(port)
                // The owner decides when to stop, and stop() must cancel generations first.
                .shutdownHook(false)
                // Garden enforces the limit itself, with Google's body; Helidon's own (off by default) must stay off.
                .maxPayloadSize(-1)
                // No compression, whatever encoders are on the classpath: SSE bytes must leave exactly as written
                // and at once, not when a compressor's buffer fills.
                .contentEncoding(encoding -> encoding.contentEncodingsDiscoverServices(false))
                .directHandlers(GoogleDirectHandler.create(maxRequestBytes))
                .routing(routing -> Routes.register(routing, chat, tokenEndpoint.map(OAuthRouter::new),
                        () -> !stopped && readiness.getAsBoolean()))
                .build()
                .start();
        return this;
    }

    /**
     * The port the server listens on: the configured one, or the one the system chose for port 0.
     *
     * @throws IllegalStateException if the server is not running
     */
    public synchronized int port() {
        if (webServer == null || !webServer.isRunning()) {
            throw new IllegalStateException("The server is not running");
        }
        return webServer.port();
    }

    /** The address the server binds to. */
    public String host() {
        return host;
    }

    /** Whether the server is serving. */
    public synchronized boolean isRunning() {
        return webServer != null && webServer.isRunning();
    }

    /**
     * Stops serving: readiness turns false, generations under way are cancelled (their clients get
     * {@code UNAVAILABLE}), and the listener closes. Does nothing if the server is not running; safe to call twice.
     */
    public synchronized void stop() {
        stopped = true;
        serving.stop();
        if (webServer != null && webServer.isRunning()) {
            webServer.stop();
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** Configures a {@link GardenServer}; only {@link #registry(ModelRegistry)} is required. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private ModelRegistry registry;
        private Clock clock = Clock.systemUTC();
        private IdGenerator ids = IdGenerator.random();
        private long maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
        private BooleanSupplier readiness = () -> true;
        private Authenticator authenticator = Authenticator.allowAll();
        private TokenEndpoint tokenEndpoint;

        private Builder() {
        }

        /**
         * The address to bind to, e.g. {@code 0.0.0.0} to listen on every interface. Default
         * {@value GardenServer#DEFAULT_HOST}.
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port to listen on, 0 for one the system chooses (read it with {@link GardenServer#port()}). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** The models the server serves. Required. */
        public Builder registry(ModelRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** Where {@code created} timestamps come from. Default: the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where completion ids come from. Default: {@link IdGenerator#random()}. */
        public Builder ids(IdGenerator ids) {
            this.ids = Objects.requireNonNull(ids, "ids");
            return this;
        }

        /** The largest request body accepted; larger ones get 413. Default 20 MiB. */
        public Builder maxRequestBytes(long maxRequestBytes) {
            if (maxRequestBytes < 1) {
                throw new IllegalArgumentException("maxRequestBytes must be at least 1, got " + maxRequestBytes);
            }
            this.maxRequestBytes = maxRequestBytes;
            return this;
        }

        /**
         * Whether Garden can serve now, for {@code /readyz} (e.g. "the models are loaded"). Called on every probe;
         * must be quick. Default: always ready.
         */
        public Builder readiness(BooleanSupplier readiness) {
            this.readiness = Objects.requireNonNull(readiness, "readiness");
            return this;
        }

        /** Who may call the API. Default: {@link Authenticator#allowAll()}. */
        public Builder authenticator(Authenticator authenticator) {
            this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
            return this;
        }

        /**
         * Google-style authentication: every API request needs a bearer credential that {@code auth} accepts and
         * the IAM permission the request needs; {@code POST /token} and {@code POST /revoke} serve the client
         * libraries' OAuth 2.0 exchanges.
         */
        public Builder auth(GardenAuth auth) {
            Objects.requireNonNull(auth, "auth");
            this.authenticator = new GoogleAuthenticator(auth.requestAuthenticator(), auth.authorizer());
            this.tokenEndpoint = auth.tokenEndpoint();
            return this;
        }

        /**
         * The server, not yet started.
         *
         * @throws NullPointerException if no registry was given
         */
        public GardenServer build() {
            Objects.requireNonNull(registry, "registry is required");
            return new GardenServer(this);
        }
    }
}
