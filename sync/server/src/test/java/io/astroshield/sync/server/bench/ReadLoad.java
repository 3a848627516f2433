package io.astroshield.sync.server.bench;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The read benchmark's load: virtual clients, each with its own keep-alive HTTP/1.1 connection and token, each
 * sending its next request as soon as it has read the whole answer to the previous one (closed loop, no think
 * time), driven by a few event-loop threads as load generators such as wrk are. A thread per client cost the
 * server under test its CPU on two cores: each answer woke a thread of its own. An answer counts as an error unless
 * it is 200 with exactly the expected body; latency is from writing the request to having read the whole answer,
 * so it includes any wait of the event loop itself.
 */
final class ReadLoad {
    /** Latencies in nanoseconds of all clients' requests, and how many failed (not 200, wrong body, no answer). */
    record Result(Histogram latencies, long errors) {
    }

    /** One request the clients send in turn and the body its answer must have. */
    record Read(String path, byte[] expectedBody) {
    }

    private static final byte[] CONTENT_LENGTH = "\r\ncontent-length:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNKED = "\r\ntransfer-encoding:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = "\r\nconnection: close".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEADER_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    /** How long after the end the last answers may take before they count as errors. */
    private static final Duration GRACE = Duration.ofSeconds(30);

    private ReadLoad() {
    }

    /** Every client reads back-to-back for {@code seconds}, alternating {@code reads}, on {@code loops} threads. */
    static Result run(int port, List<String> tokens, List<Read> reads, int seconds, int loops) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Histogram> perLoop = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(loops);
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int l = 0; l < loops; l++) {
            Histogram h = new Histogram(Duration.ofSeconds(60).toNanos(), 3);
            perLoop.add(h);
            List<String> mine = new ArrayList<>();
            for (int i = l; i < tokens.size(); i += loops) {
                mine.add(tokens.get(i));
            }
            Thread t = new Thread(() -> {
                try {
                    loop(port, mine, reads, end, h, errors);
                } catch (IOException | RuntimeException e) {
                    failures.add(e);
                } finally {
                    done.countDown();
                }
            }, "bench-loop-" + l);
            t.setDaemon(true);
            t.start();
        }
        done.await();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a load-generator thread failed", failures.get(0));
        }
        Histogram total = new Histogram(Duration.ofSeconds(60).toNanos(), 3);
        perLoop.forEach(total::add);
        return new Result(total, errors.get());
    }

    private static void loop(int port, List<String> tokens, List<Read> reads, long end, Histogram h,
                             AtomicLong errors) throws IOException {
        try (Selector selector = Selector.open()) {
            List<Client> clients = new ArrayList<>();
            for (String token : tokens) {
                Client c = new Client(port, token, reads, h, errors);
                clients.add(c);
                c.connect(selector);
            }
            for (Client c : clients) {
                c.sendNext();
            }
            long giveUp = end + GRACE.toNanos();
            int open = clients.size();
            while (open > 0) {
                if (System.nanoTime() > giveUp) {
                    // answers that never came
                    errors.addAndGet(open);
                    break;
                }
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    Client c = (Client) key.attachment();
                    if (key.isValid() && key.isWritable()) {
                        c.writePending();
                    }
                    if (key.isValid() && key.isReadable() && c.readAnswer() && !c.afterAnswer(end, selector)) {
                        open--;
                    }
                }
                selector.selectedKeys().clear();
            }
            for (Client c : clients) {
                c.close();
            }
        }
    }

    /** One virtual client: its connection, its requests, and the answer being read. */
    private static final class Client {
        private final int port;
        private final ByteBuffer[] requests;
        private final byte[][] expected;
        private final Histogram latencies;
        private final AtomicLong errors;
        private SocketChannel channel;
        private SelectionKey key;
        private ByteBuffer pending;
        private ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        private long sent;
        private long started;
        private boolean closeAfter;

        Client(int port, String token, List<Read> reads, Histogram latencies, AtomicLong errors) {
            this.port = port;
            this.latencies = latencies;
            this.errors = errors;
            this.requests = new ByteBuffer[reads.size()];
            this.expected = new byte[reads.size()][];
            for (int i = 0; i < reads.size(); i++) {
                requests[i] = ByteBuffer.wrap(("GET " + reads.get(i).path() + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nAuthorization: Bearer " + token + "\r\nAccept: application/json\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII)).asReadOnlyBuffer();
                expected[i] = reads.get(i).expectedBody();
            }
        }

        void connect(Selector selector) throws IOException {
            channel = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            key = channel.register(selector, SelectionKey.OP_READ, this);
        }

        void sendNext() throws IOException {
            in.clear();
            closeAfter = false;
            pending = requests[(int) (sent % requests.length)].duplicate();
            started = System.nanoTime();
            writePending();
        }

        void writePending() throws IOException {
            channel.write(pending);
            // a request that did not fit in the socket's buffer at once: the rest when it is writable again
            key.interestOps(pending.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE
                    : SelectionKey.OP_READ);
        }

        /** Reads what has come; true when the whole answer is in (then checked and counted). */
        boolean readAnswer() throws IOException {
            if (!in.hasRemaining()) {
                in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
            }
            if (channel.read(in) < 0) {
                throw new IOException("the server closed a connection inside an answer");
            }
            byte[] b = in.array();
            int filled = in.position();
            int headerEnd = indexOf(b, 0, filled, HEADER_END);
            if (headerEnd < 0) {
                return false;
            }
            if (indexOfIgnoreCase(b, headerEnd, CHUNKED) >= 0) {
                throw new IllegalStateException("a chunked answer: this client reads answers with a length only");
            }
            int length = indexOfIgnoreCase(b, headerEnd, CONTENT_LENGTH);
            if (length < 0) {
                throw new IllegalStateException("an answer without Content-Length");
            }
            int bodyStart = headerEnd + HEADER_END.length;
            int bodyLength = number(b, length + CONTENT_LENGTH.length, headerEnd);
            if (filled < bodyStart + bodyLength) {
                return false;
            }
            latencies.recordValue(Math.min(System.nanoTime() - started, latencies.getHighestTrackableValue()));
            int status = (b[9] - '0') * 100 + (b[10] - '0') * 10 + (b[11] - '0');
            byte[] body = expected[(int) (sent % expected.length)];
            if (status != 200 || filled != bodyStart + bodyLength
                    || !Arrays.equals(b, bodyStart, bodyStart + bodyLength, body, 0, body.length)) {
                errors.incrementAndGet();
            }
            closeAfter = indexOfIgnoreCase(b, headerEnd, CLOSE) >= 0;
            sent++;
            return true;
        }

        /** After an answer: the next request while time is left (on a new connection if asked); false when done. */
        boolean afterAnswer(long end, Selector selector) throws IOException {
            if (System.nanoTime() >= end) {
                close();
                return false;
            }
            if (closeAfter) {
                close();
                connect(selector);
            }
            sendNext();
            return true;
        }

        void close() throws IOException {
            key.cancel();
            channel.close();
        }

        private static int number(byte[] b, int from, int to) {
            int i = from;
            while (i < to && b[i] == ' ') {
                i++;
            }
            int value = 0;
            for (; i < to && b[i] >= '0' && b[i] <= '9'; i++) {
                value = value * 10 + (b[i] - '0');
            }
            return value;
        }

        private static int indexOf(byte[] b, int from, int to, byte[] what) {
            outer:
            for (int i = from; i <= to - what.length; i++) {
                for (int j = 0; j < what.length; j++) {
                    if (b[i + j] != what[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        /** Where {@code lowerCase} starts in {@code b[0, to + 2)}, ignoring the case of {@code b}; -1 if nowhere. */
        private static int indexOfIgnoreCase(byte[] b, int to, byte[] lowerCase) {
            outer:
            for (int i = 0; i <= to + 2 - lowerCase.length; i++) {
                for (int j = 0; j < lowerCase.length; j++) {
                    byte c = b[i + j];
                    if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != lowerCase[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
