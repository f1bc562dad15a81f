package org.sluice.policy.paging;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.sluice.events.schema.Violation;

/**
 * One page of a list the API pages by cursor, {@code {"items": [...], "next": cursor|null}}, and how a page
 * is asked for: {@code limit} 1 to the list's maximum (50 unless given) and {@code after}, the {@code next}
 * of the previous page. A cursor is opaque to callers (base64url of the position); a page is read with one
 * row more than it shows, so the answer knows whether another follows.
 *
 * @param items the rows of the page
 * @param next the cursor of the next page, null on the last page
 * @param <T> the rows
 */
public record Page<T>(List<T> items, String next) {

    /** The page size when the caller names none. */
    public static final int DEFAULT_LIMIT = 50;

    public Page {
        items = List.copyOf(items);
    }

    /** The page size asked for, {@link #DEFAULT_LIMIT} when none; outside 1..max a violation naming {@code limit}. */
    public static int limit(Integer limit, int max, List<Violation> errors) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > max) {
            errors.add(new Violation("limit", "range", "limit must be between 1 and " + max));
        }
        return size;
    }

    /**
     * The position a cursor names, null when none is given; a violation naming {@code after} when it is not
     * a cursor a page gave ({@code read} turns a position's text back into a position, null when it cannot).
     */
    public static <C> C after(String cursor, Function<String, C> read, List<Violation> errors) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        C position;
        try {
            position = read.apply(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | DateTimeException e) {
            position = null;
        }
        if (position == null) {
            errors.add(new Violation("after", "format", "after must be a cursor returned as 'next'"));
        }
        return position;
    }

    /**
     * The page of {@code rows}, read with {@code size + 1}: the first {@code size}, and when more were read
     * the cursor of the next page, from the position of the last row shown.
     */
    public static <T> Page<T> of(List<T> rows, int size, Function<T, String> position) {
        if (rows.size() <= size) {
            return new Page<>(rows, null);
        }
        List<T> shown = rows.subList(0, size);
        String text = position.apply(shown.get(size - 1));
        return new Page<>(
                shown, Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The same page with each row shown as {@code view} shows it. */
    public <R> Page<R> map(Function<T, R> view) {
        return new Page<>(items.stream().map(view).toList(), next);
    }
}
