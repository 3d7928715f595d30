package org.teachbox.upload;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

/**
 * Tells an open Gather page what became of the files it sent to {@code POST /upload/...}. The page
 * registers a listener under a random key, puts the key in its upload address, and gets each
 * file's outcome from the request thread, so it can show them in batches without the upload ever
 * waiting for the page's lock. A key only hears uploads of its own owner.
 */
@Component
public class UploadFeed {

    /** One file the endpoint answered: the name and size the browser sent, and what became of it. */
    public record Arrived(String fileName, long size, Outcome outcome) {
    }

    private record Listener(String owner, Consumer<Arrived> consumer) {
    }

    private final Map<String, Listener> listeners = new ConcurrentHashMap<>();

    /** A fresh unguessable key for a page's upload address. */
    public static String newKey() {
        return UUID.randomUUID().toString();
    }

    /** From now on {@code key} hears this owner's uploads; {@link #stop} it when the page goes away. */
    public void listen(String key, String owner, Consumer<Arrived> consumer) {
        listeners.put(key, new Listener(owner, consumer));
    }

    public void stop(String key) {
        if (key != null) {
            listeners.remove(key);
        }
    }

    void publish(String key, String owner, Arrived arrived) {
        Listener listener = key == null ? null : listeners.get(key);
        if (listener != null && listener.owner().equals(owner)) {
            listener.consumer().accept(arrived);
        }
    }

    int listening() {
        return listeners.size();
    }
}
