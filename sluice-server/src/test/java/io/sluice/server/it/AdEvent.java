package io.sluice.server.it;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

record AdEvent(long ad, String type, LocalDateTime time) {
    static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    String json() {
        return "{\"ad_id\":" + ad + ",\"event_type\":\"" + type + "\",\"event_time\":\"" + Click.SQL.format(time) + "\"}";
    }
}
