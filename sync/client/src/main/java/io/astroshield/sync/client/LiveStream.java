package io.astroshield.sync.client;

import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Listens to {@code GET /sync/v1/stream} (server-sent events) on OkHttp's own threads and hands each {@code head}
 * sequence to a consumer; tells {@code onEnd} when the stream ends for any reason, so the owner can reconnect.
 */
final class LiveStream {
    private static final Logger LOG = LoggerFactory.getLogger(LiveStream.class);
    private static final Pattern SEQ = Pattern.compile("\"seq\"\\s*:\\s*(\\d+)");

    private final Call call;

    private LiveStream(Call call) {
        this.call = call;
    }

    static LiveStream open(ServerApi api, LongConsumer onHead, Runnable onEnd) {
        // no call timeout: the stream stays open; the read timeout (longer than the 15 s heartbeat) finds a dead one
        Call call = api.http().newBuilder().callTimeout(java.time.Duration.ZERO)
                .readTimeout(java.time.Duration.ofSeconds(45)).build().newCall(api.streamRequest());
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                if (!c.isCanceled()) {
                    LOG.debug("live stream failed: {}", e.toString());
                }
                onEnd.run();
            }

            @Override
            public void onResponse(Call c, Response response) {
                try (response) {
                    if (!response.isSuccessful()) {
                        LOG.debug("live stream refused: {}", response.code());
                        return;
                    }
                    BufferedSource source = response.body().source();
                    String event = null;
                    String line;
                    while ((line = source.readUtf8Line()) != null) {
                        if (line.startsWith("event:")) {
                            event = line.substring(6).strip();
                        } else if (line.startsWith("data:") && "head".equals(event)) {
                            Matcher m = SEQ.matcher(line);
                            if (m.find()) {
                                onHead.accept(Long.parseLong(m.group(1)));
                            }
                        } else if (line.isEmpty()) {
                            event = null;
                        }
                    }
                } catch (IOException e) {
                    if (!c.isCanceled()) {
                        LOG.debug("live stream broke: {}", e.toString());
                    }
                } finally {
                    onEnd.run();
                }
            }
        });
        return new LiveStream(call);
    }

    void close() {
        call.cancel();
    }
}
