package dev.securitycenter.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitycenter.password.CommonPasswords;
import org.openjdk.jol.info.GraphLayout;

import java.lang.reflect.Field;
import java.util.Locale;
import java.util.Set;

/**
 * The heap the bundled common-password list keeps once loaded, measured two ways: the retained size of the set
 * and every string in it (JOL walks the object graph), and the used heap after a full collection, before and after
 * the first check loads the list (what the list costs a node, parsing garbage collected). Prints both in MB.
 */
public final class CommonPasswordListFootprint {

    private CommonPasswordListFootprint() {
    }

    public static void main(String[] args) throws Exception {
        // what the load uses besides the list (Jackson's classes and caches) is loaded first, so it is not counted
        new ObjectMapper().readTree("[\"warm\"]");
        long before = usedHeapAfterGc();
        CommonPasswords.isCommon("first check loads the list");
        long after = usedHeapAfterGc();

        Set<?> list = theList();
        GraphLayout graph = GraphLayout.parseInstance(list);
        System.out.printf(Locale.ROOT, "common-password list: %d entries%n", list.size());
        System.out.printf(Locale.ROOT, "retained by the set (JOL graph walk): %.2f MB in %d objects%n",
                graph.totalSize() / 1e6, graph.totalCount());
        System.out.printf(Locale.ROOT, "used heap after GC, before and after loading: +%.2f MB%n",
                (after - before) / 1e6);
    }

    /** The loaded set, read where CommonPasswords keeps it; a rename there fails here loudly. */
    private static Set<?> theList() throws ReflectiveOperationException {
        Field set = Class.forName(CommonPasswords.class.getName() + "$Loaded").getDeclaredField("SET");
        set.setAccessible(true);
        return (Set<?>) set.get(null);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        // collections until the figure settles: finalisation and reference processing free more on a later one
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
