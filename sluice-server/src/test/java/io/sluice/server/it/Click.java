package io.sluice.server.it;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** A test click event and its JSON as the Kafka source reads it. */
record Click(LocalDateTime eventTime, String user, int page, String ip) {
    static final DateTimeFormatter SQL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    String json() {
        return "{\"event_time\":\"" + SQL.format(eventTime) + "\",\"user_name\":\"" + user
                + "\",\"page_id\":" + page + ",\"ip\":\"" + ip + "\"}";
    }

    /** Flink writes TIMESTAMP(3) without a fraction when it is zero; parse either form. */
    static LocalDateTime parse(String text) {
        return LocalDateTime.parse(text.replace(' ', 'T'));
    }
}
