package io.sluice.runtime.generator;

import static java.util.Objects.requireNonNull;

/** One page view of the {@code clickstream} connector. */
public record ClickEvent(long index, long eventTimeMillis, String userName, int pageId, String ip) {

    public ClickEvent {
        requireNonNull(userName, "userName is null");
        requireNonNull(ip, "ip is null");
    }
}
