package dev.garden.models.fetch;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A PEP 691 JSON simple index on a {@link FakeServer}, serving wheels built by the test. */
final class FakePackageIndex {

    static final String SIMPLE_JSON = "application/vnd.pypi.simple.v1+json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FakeServer server;
    private final Map<String, ArrayNode> files = new ConcurrentHashMap<>();

    FakePackageIndex(FakeServer server) {
        this.server = server;
    }

    /** The index's base, what PIP_INDEX_URL would say. */
    URI uri() {
        return server.uri("/simple");
    }

    /** The path a project's page is served at. */
    static String pagePath(String project) {
        return "/simple/" + normalize(project) + "/";
    }

    /** Publishes a py3-none-any wheel holding {@code members}; returns the path it is served at. */
    String publish(String project, String version, Map<String, byte[]> members) {
        String distribution = normalize(project).replace('-', '_');
        byte[] wheel = TestData.wheel(distribution, version, members);
        return publishFile(project, distribution + "-" + version + "-py3-none-any.whl", wheel, TestData.sha256(wheel));
    }

    /**
     * Publishes a file as the index lists it, with {@code listedSha256} as its hash (which may be a lie). Its URL in
     * the listing is relative to the project page, as PEP 691 allows.
     */
    String publishFile(String project, String filename, byte[] content, String listedSha256) {
        String path = "/files/" + filename;
        server.file(path, "application/octet-stream", content);
        ObjectNode file = JSON.createObjectNode()
                .put("filename", filename)
                .put("url", "../../files/" + filename)
                .put("size", content.length)
                .put("yanked", false);
        file.putObject("hashes").put("sha256", listedSha256);
        files.computeIfAbsent(normalize(project), p -> {
            ArrayNode list = JSON.createArrayNode();
            server.route(pagePath(project), exchange -> {
                ObjectNode page = JSON.createObjectNode().put("name", p);
                page.putObject("meta").put("api-version", "1.1");
                page.set("files", list);
                FakeServer.send(exchange, 200, SIMPLE_JSON, JSON.writeValueAsBytes(page));
            });
            return list;
        }).add(file);
        return path;
    }

    private static String normalize(String project) {
        return project.replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
    }
}
