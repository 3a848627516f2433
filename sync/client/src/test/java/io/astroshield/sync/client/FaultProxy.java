package io.astroshield.sync.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;

/**
 * A loopback HTTP/1.1 proxy between a client and the server that injects faults: it forwards each request and
 * copies the answer back (closing the connection after each one, so bodies need no length), unless a fault queued
 * for that method and path, or the offline switch, says otherwise. The server's port may change (restarts).
 */
final class FaultProxy implements AutoCloseable {
    enum Fault {
        /** Forward, let the server commit, then cut the connection without a byte of the answer. */
        DROP_RESPONSE,
        /** Answer 503 without forwarding. */
        SERVICE_UNAVAILABLE,
        /** Answer 500 without forwarding. */
        INTERNAL_ERROR,
        /** Forward, then hold the answer back for longer than any client timeout in these tests, then cut. */
        STALL
    }

    private static final Set<String> HOP_BY_HOP = Set.of("content-length", "transfer-encoding", "connection",
            "keep-alive", "host", "upgrade", "expect");

    private final ServerSocket listener;
    private final IntSupplier serverPort;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Deque<Fault>> faults = new LinkedHashMap<>();
    private volatile boolean offline;
    private volatile Duration stall = Duration.ofSeconds(5);
    private volatile java.util.function.Consumer<String> onForwarded = request -> { };

    FaultProxy(IntSupplier serverPort) throws IOException {
        this.serverPort = serverPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        workers.execute(this::accept);
    }

    String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** The next {@code times} requests to {@code method path} meet {@code fault}. */
    synchronized void inject(String method, String path, Fault fault, int times) {
        Deque<Fault> q = faults.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            q.add(fault);
        }
    }

    /** While offline, every connection is closed at once, as with a cable pulled. */
    void offline(boolean off) {
        this.offline = off;
    }

    /** Called with "METHOD path" after each request the server answered, before the answer goes back. */
    void onForwarded(java.util.function.Consumer<String> listener) {
        this.onForwarded = listener;
    }

    void stallFor(Duration d) {
        this.stall = d;
    }

    private synchronized Fault nextFault(String method, String path) {
        Deque<Fault> q = faults.get(method + " " + path);
        return q == null ? null : q.poll();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                workers.execute(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            if (offline) {
                return;
            }
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String requestLine = line(in);
            if (requestLine == null || requestLine.isEmpty()) {
                return;
            }
            String[] parts = requestLine.split(" ");
            String method = parts[0];
            String target = parts[1];
            Map<String, String> headers = new LinkedHashMap<>();
            String h;
            while ((h = line(in)) != null && !h.isEmpty()) {
                int colon = h.indexOf(':');
                headers.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
            }
            int length = 0;
            for (Map.Entry<String, String> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase("content-length")) {
                    length = Integer.parseInt(e.getValue());
                }
            }
            byte[] body = in.readNBytes(length);
            String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
            Fault fault = nextFault(method, path);
            OutputStream out = socket.getOutputStream();
            if (fault == Fault.SERVICE_UNAVAILABLE || fault == Fault.INTERNAL_ERROR) {
                int code = fault == Fault.SERVICE_UNAVAILABLE ? 503 : 500;
                writeHead(out, code, Map.of("Content-Type", List.of("application/json")));
                out.write("{\"error\":{\"code\":\"INJECTED\",\"message\":\"injected by the test proxy\"}}"
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            int port = serverPort.getAsInt();
            if (port <= 0) {
                return; // the server is stopped: the client sees the connection close
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target));
            for (Map.Entry<String, String> e : headers.entrySet()) {
                if (!HOP_BY_HOP.contains(e.getKey().toLowerCase(Locale.ROOT))) {
                    forward.header(e.getKey(), e.getValue());
                }
            }
            forward.method(method, length == 0 ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<InputStream> answer;
            try {
                answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                return; // the server is away: the client sees the connection close
            }
            onForwarded.accept(method + " " + path);
            try (InputStream answerBody = answer.body()) {
                if (fault == Fault.DROP_RESPONSE) {
                    answerBody.readAllBytes(); // the server has finished (and committed) before we cut
                    socket.setSoLinger(true, 0);
                    return;
                }
                if (fault == Fault.STALL) {
                    answerBody.readAllBytes();
                    Thread.sleep(stall.toMillis());
                    return;
                }
                writeHead(out, answer.statusCode(), answer.headers().map());
                byte[] buf = new byte[8192];
                int n;
                while ((n = answerBody.read(buf)) >= 0) {
                    if (offline) {
                        socket.setSoLinger(true, 0);
                        return;
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // a client or server that went away: nothing to do
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void writeHead(OutputStream out, int status, Map<String, List<String>> headers) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n");
        headers.forEach((name, values) -> {
            if (!name.startsWith(":") && !HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> head.append(name).append(": ").append(v).append("\r\n"));
            }
        });
        head.append("Connection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        listener.close();
        workers.shutdownNow();
    }
}
