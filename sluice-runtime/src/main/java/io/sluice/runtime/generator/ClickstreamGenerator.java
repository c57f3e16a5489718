package io.sluice.runtime.generator;

import static java.util.Objects.requireNonNull;

/**
 * Page views: a uniformly chosen user views a page whose popularity falls off with its id.
 *
 * <p>Page ids run from {@value #FIRST_PAGE_ID} upwards. Drawing the page position as
 * {@code pages * u * u} gives the landing page {@value #FIRST_PAGE_ID} a share of about
 * {@code 1 / sqrt(pages)} (10% for 100 pages), so a demo filter {@code page_id = 8212} always
 * selects rows.
 */
public final class ClickstreamGenerator implements EventGenerator<ClickEvent> {

    private static final long serialVersionUID = 1L;

    public static final int FIRST_PAGE_ID = 8212;

    private final long seed;
    private final int users;
    private final int pages;
    private final EventTiming timing;

    public ClickstreamGenerator(long seed, int users, int pages, EventTiming timing) {
        if (users < 1 || pages < 1) {
            throw new IllegalArgumentException("users and pages must be at least 1: " + users + ", " + pages);
        }
        this.seed = seed;
        this.users = users;
        this.pages = pages;
        this.timing = requireNonNull(timing, "timing is null");
    }

    @Override
    public ClickEvent event(long index) {
        EventRandom random = EventRandom.of(seed, index, EventRandom.Purpose.CONTENT);
        int user = (int) random.nextLong(users);
        double u = random.nextDouble();
        int page = FIRST_PAGE_ID + (int) (pages * u * u);
        return new ClickEvent(index, timing.eventTimeMillis(seed, index), Users.name(user), page, Users.ip(user));
    }
}
