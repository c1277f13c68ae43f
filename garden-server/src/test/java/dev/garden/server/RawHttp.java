package dev.garden.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A raw-socket HTTP/1.1 client for tests that must see the bytes: the status line, the headers, each chunk of a
 * chunked body as it was framed. In the manner of Helidon's {@code SseServerTest}.
 */
final class RawHttp implements AutoCloseable {
    /** A guard against a hung test, not a performance assertion. */
    private static final int READ_TIMEOUT_MILLIS = 20_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawHttp(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    static RawHttp connect(int port) throws IOException {
        return new RawHttp(port);
    }

    /** A POST of a JSON body with {@code Content-Length}, asking the server to close the connection afterwards. */
    static String post(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return "POST " + path + " HTTP/1.1\r\n"
               + "Host: localhost\r\n"
               + "Content-Type: application/json\r\n"
               + "Content-Length: " + body.length + "\r\n"
               + "Connection: close\r\n"
               + "\r\n"
               + json;
    }

    RawHttp send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    RawHttp send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Reads the status line and the headers. */
    Head readHead() throws IOException {
        String statusLine = readLine();
        String[] parts = statusLine.split(" ", 3);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return new Head(Integer.parseInt(parts[1]), headers);
    }

    /** The next chunk of a chunked body, or {@code null} after the last one. */
    byte[] readChunk() throws IOException {
        int size = Integer.parseInt(readLine().trim(), 16);
        if (size == 0) {
            readLine();
            return null;
        }
        byte[] chunk = in.readNBytes(size);
        if (chunk.length != size || !readLine().isEmpty()) {
            throw new IOException("Malformed chunk");
        }
        return chunk;
    }

    /** A whole response: head, then the body as chunks, by Content-Length, or up to the end of the connection. */
    Response readResponse() throws IOException {
        Head head = readHead();
        List<byte[]> chunks = new ArrayList<>();
        if ("chunked".equalsIgnoreCase(head.headers().get("transfer-encoding"))) {
            for (byte[] chunk = readChunk(); chunk != null; chunk = readChunk()) {
                chunks.add(chunk);
            }
        } else if (head.headers().containsKey("content-length")) {
            chunks.add(in.readNBytes(Integer.parseInt(head.headers().get("content-length"))));
        } else {
            chunks.add(in.readAllBytes());
        }
        return new Response(head, chunks);
    }

    /** Whether the server closed the connection: the next read finds its end. */
    boolean closedByServer() throws IOException {
        return in.read() == -1;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("Connection closed mid-line: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    record Head(int status, Map<String, String> headers) {
    }

    record Response(Head head, List<byte[]> chunks) {
        int status() {
            return head.status();
        }

        String header(String name) {
            return head.headers().get(name.toLowerCase(Locale.ROOT));
        }

        String body() {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            chunks.forEach(body::writeBytes);
            return body.toString(StandardCharsets.UTF_8);
        }

        List<String> chunkTexts() {
            return chunks.stream().map(chunk -> new String(chunk, StandardCharsets.UTF_8)).toList();
        }
    }
}
