package dev.garden.cli;

import dev.garden.auth.GardenAuth;
import dev.garden.core.IdGenerator;
import dev.garden.llama.LlamaLibrary;
import dev.garden.identity.store.IdentityCache;
import dev.garden.identity.store.IdentityStore;
import dev.garden.identity.store.IdentityStoreConfig;
import dev.garden.models.ModelCatalog;
import dev.garden.models.fetch.LlamaCppLibraries;
import dev.garden.models.fetch.ModelStore;
import dev.garden.models.fetch.ProgressListener;
import dev.garden.server.GardenServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A running Garden: llama.cpp loaded, the catalog's models served on the embedded engine, identities and
 * Google-style authentication over the identity store, the HTTP server up. The composition root, shared by
 * {@code garden serve} and the tests that start a real server in-process.
 */
final class GardenApp implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(GardenApp.class.getName());

    /**
     * What to start.
     *
     * @param environment     where Garden keeps things and fetches from
     * @param variables       the process environment ({@code GARDEN_DATABASE_URL}, {@code GARDEN_PUBLIC_URL}, ...)
     * @param host            the address to listen on
     * @param port            the port, 0 for any free one
     * @param preload         models to fetch and load before reporting ready (the catalog's default if empty)
     * @param engine          engine settings for every model
     * @param maxRequestBytes the request body limit
     * @param cpuVariant      a ggml CPU variant to force, instead of the best for this CPU
     * @param tokenLifetime   how long access tokens live
     * @param clock           the time tokens, expiry and responses are measured by
     */
    record Config(GardenEnvironment environment, Map<String, String> variables, String host, int port,
                  List<String> preload, EngineSettings engine, long maxRequestBytes, Optional<String> cpuVariant,
                  Duration tokenLifetime, Clock clock) {
        Config {
            variables = Map.copyOf(variables);
        }
    }

    private final GardenServer server;
    private final CatalogModelRegistry registry;
    private final IdentityStore identities;
    private final IdentityCache identityView;
    private final List<String> preloaded;
    private final GardenUrls urls;
    private final Bootstrap.Outcome bootstrap;
    private final java.nio.file.Path home;

    private GardenApp(GardenServer server, CatalogModelRegistry registry, IdentityStore identities,
                      IdentityCache identityView, List<String> preloaded, GardenUrls urls,
                      Bootstrap.Outcome bootstrap, java.nio.file.Path home) {
        this.home = home;
        this.server = server;
        this.registry = registry;
        this.identities = identities;
        this.identityView = identityView;
        this.preloaded = preloaded;
        this.urls = urls;
        this.bootstrap = bootstrap;
    }

    /**
     * Starts Garden: fetches llama.cpp's libraries if need be, opens the identity store (creating a first project
     * and administrator on a new one), starts the server (which answers {@code /readyz} with 503 until the models
     * are loaded), then fetches and loads the models to preload.
     *
     * @param onListening told the server's base URL and the bootstrap's outcome as soon as it listens
     */
    static GardenApp start(Config config, ProgressListener progress, Consumer<GardenApp> onListening) {
        GardenEnvironment env = config.environment();
        LlamaLibrary library = LlamaLibrary.load(
                LlamaCppLibraries.install(env.cache(), env.fetch(), progress), config.cpuVariant());
        ModelCatalog catalog = ModelCatalog.load(env.home());
        List<String> preload = config.preload().isEmpty() ? List.of(catalog.defaultModel().id()) : config.preload();
        for (String name : preload) {
            catalog.find(name).orElseThrow(() -> new IllegalArgumentException("--model " + name
                    + " is not in the catalog; it has " + String.join(", ", catalog.ids())));
        }

        // The port is chosen before the server starts, because the URLs built from it go into the key files'
        // token_uri and into the audiences the token endpoint accepts.
        int port = config.port() == 0 ? freePort(config.host()) : config.port();
        ServerInfo bound = ServerInfo.forAddress(config.host(), port);
        GardenUrls urls = GardenUrls.forServer(config.variables(), bound);

        List<AutoCloseable> opened = new ArrayList<>();
        try {
            IdentityStore identities = IdentityStore.open(
                    IdentityStoreConfig.fromEnvironment(config.variables(), env.home()), config.clock(),
                    new SecureRandom());
            opened.add(identities);
            identities.ensureSigningKey();
            IdentityCache identityView = IdentityCache.start(identities);
            opened.add(identityView);
            GardenAuth auth = GardenAuth.builder()
                    .identityView(identityView)
                    .revocations(identities)
                    .clock(config.clock())
                    .accessTokenLifetime(config.tokenLifetime())
                    .tokenUris(tokenUris(urls, bound))
                    .serviceUrls(serviceUrls(urls, bound))
                    .build();

            ModelStore store = ModelStore.create(env.cache(), env.fetch());
            CatalogModelRegistry registry = CatalogModelRegistry.embedded(catalog, store, library, config.engine(),
                    progress, config.clock());
            opened.add(registry);
            GardenServer server = GardenServer.builder()
                    .host(config.host())
                    .port(port)
                    .registry(registry)
                    .auth(auth)
                    .clock(config.clock())
                    .ids(IdGenerator.random())
                    .maxRequestBytes(config.maxRequestBytes())
                    .readiness(() -> preload.stream().allMatch(registry::isLoaded))
                    .build()
                    .start();
            opened.add(server);
            ServerInfo.write(env.home(), bound.url());
            Bootstrap.Outcome bootstrap = Bootstrap.run(identities, env.home(), urls);
            GardenApp app = new GardenApp(server, registry, identities, identityView, preload, urls, bootstrap,
                    env.home());
            onListening.accept(app);
            for (String name : preload) {
                registry.preload(name);
            }
            LOG.log(System.Logger.Level.INFO, "ready: {0}", String.join(", ", preload));
            return app;
        } catch (RuntimeException e) {
            closeAll(opened);
            throw e;
        }
    }

    /**
     * The audiences of a token request: Google's own (the libraries' defaults) and this Garden's token URI, which
     * Python's older google-auth sends as the audience.
     */
    private static Set<String> tokenUris(GardenUrls urls, ServerInfo bound) {
        Set<String> uris = new LinkedHashSet<>(List.of(GardenAuth.GOOGLE_TOKEN_URI, GardenAuth.GOOGLE_TOKEN_URI_V4));
        for (String base : baseUrls(urls, bound)) {
            uris.add(base + "/token");
        }
        return uris;
    }

    /** The audiences of a self-signed JWT: Vertex AI's hosts, and every URL this Garden is reached at. */
    private static Set<String> serviceUrls(GardenUrls urls, ServerInfo bound) {
        Set<String> audiences = new LinkedHashSet<>(List.of(GardenAuth.VERTEX_SERVICE_URL,
                GardenAuth.VERTEX_REGIONAL_SERVICE_URLS));
        for (String base : baseUrls(urls, bound)) {
            audiences.add(base + "/");
        }
        return audiences;
    }

    /** The public URL, the bound one and, for a loopback or wildcard address, the loopback names too. */
    private static Set<String> baseUrls(GardenUrls urls, ServerInfo bound) {
        Set<String> bases = new LinkedHashSet<>();
        bases.add(GardenUrls.stripTrailingSlashes(urls.base().toString()));
        bases.add(GardenUrls.stripTrailingSlashes(bound.url().toString()));
        String host = bound.url().getHost().replaceAll("[\\[\\]]", "");
        try {
            InetAddress address = InetAddress.getByName(host);
            if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
                int port = bound.url().getPort();
                bases.add("http://127.0.0.1:" + port);
                bases.add("http://localhost:" + port);
                bases.add("http://[::1]:" + port);
            }
        } catch (IOException e) {
            // a name that does not resolve here: the names given are all there is
        }
        return bases;
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + host, e);
        }
    }

    private static void closeAll(List<AutoCloseable> opened) {
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "closing " + opened.get(i) + " failed", e);
            }
        }
    }

    /** The port the server listens on. */
    int port() {
        return server.port();
    }

    /** Garden's state directory ({@code GARDEN_HOME}). */
    java.nio.file.Path home() {
        return home;
    }

    /** The URLs clients use: the base URL and the token endpoint. */
    GardenUrls urls() {
        return urls;
    }

    /** What the first-start bootstrap did, and where the administrator's key is. */
    Bootstrap.Outcome bootstrap() {
        return bootstrap;
    }

    /** The identity store, for tests that create accounts. */
    IdentityStore identities() {
        return identities;
    }

    /** The in-memory identity view, for tests that wait for a change to propagate. */
    IdentityCache identityView() {
        return identityView;
    }

    /** The models loaded at start-up. */
    List<String> preloaded() {
        return preloaded;
    }

    /** Stops serving (generations under way end with 503), then frees the models and closes the identity store. */
    @Override
    public void close() {
        server.stop();
        closeAll(List.of(identities, identityView, registry));
    }
}
