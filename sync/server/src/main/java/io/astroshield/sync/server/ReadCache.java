package io.astroshield.sync.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Serialized answers of list reads, kept until the next write: a console polling an unchanged list gets the bytes
 * of the previous identical read without a query or JSON. An answer is kept with the count of write transactions
 * ended before it was read ({@link Transactions#settledWrites()}), only when no write began or ended while it was
 * read, and served only while that count is current and no write is open; so it is never older than the last
 * committed write. The key must name the route and every parameter the answer depends on, normalized (parsed
 * values, not raw text), and the answer must not depend on the caller.
 */
final class ReadCache {
    /**
     * Bound of {@link #answers}; reached, the cache starts again empty (lists with many filters, say). A page holds
     * at most 100 items of up to about a kilobyte of JSON each, so the cache stays within some tens of MB.
     */
    static final int MAX_ENTRIES = 256;

    private record Answer(long writes, byte[] json) {
    }

    private final ObjectMapper json;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    ReadCache(ObjectMapper json) {
        this.json = json;
    }

    /** The JSON of the answer under {@code key}: kept bytes if still current, else {@code read}'s, serialized. */
    byte[] answer(String key, Supplier<?> read) {
        long writes = Transactions.settledWrites();
        if (writes >= 0) {
            Answer kept = answers.get(key);
            if (kept != null && kept.writes() == writes) {
                return kept.json();
            }
        }
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(read.get());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer of " + key + " as JSON", e);
        }
        if (writes >= 0 && Transactions.settledWrites() == writes) {
            if (answers.size() >= MAX_ENTRIES) {
                answers.clear();
            }
            answers.put(key, new Answer(writes, bytes));
        }
        return bytes;
    }
}
