package co.vaultera.db;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The bookkeeping around a multi-row insert that {@link Coalescer} batches run ({@code insert … on conflict do
 * nothing}, answering the positions of the rows it inserted): which rows to send, and which call's row went in.
 */
public final class BatchRows {

    private BatchRows() {
    }

    /**
     * A VALUES list of {@code n} rows, each its position (0 to n - 1), then {@code values} (its placeholders). The
     * statement answers positions, ints, rather than ids: before a statement with a text result (whose size it
     * cannot bound) and untyped parameters, the JDBC driver sends a Sync and waits, one more round trip.
     */
    public static String numberedRows(String values, int n) {
        return String.join(", ", IntStream.range(0, n).mapToObj(i -> "(" + i + ", " + values + ")").toList());
    }

    /**
     * The rows without those whose key an earlier row has: of two concurrent creates of one id, the first is tried
     * and the second lost the race to it either way (one statement cannot insert a key twice).
     */
    public static <T> List<T> firstOfEachKey(List<T> rows, Function<T, String> key) {
        List<T> distinct = new ArrayList<>(rows.size());
        Set<String> keys = new HashSet<>();
        for (T row : rows) {
            if (keys.add(key.apply(row))) {
                distinct.add(row);
            }
        }
        return distinct;
    }

    /**
     * Per row, in order, whether it was inserted: its key was returned, and no earlier row of the batch had it (a
     * returned key answers {@code true} once).
     */
    public static <T> List<Boolean> inserted(List<T> rows, Function<T, String> key, List<String> returnedKeys) {
        Set<String> returned = new HashSet<>(returnedKeys);
        List<Boolean> answers = new ArrayList<>(rows.size());
        for (T row : rows) {
            answers.add(returned.remove(key.apply(row)));
        }
        return answers;
    }
}
