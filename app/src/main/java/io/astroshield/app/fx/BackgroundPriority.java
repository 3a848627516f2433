package io.astroshield.app.fx;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.stream.Stream;

/**
 * Work that can wait gives the cores to the FX and render threads first.
 *
 * <p>On a two-core laptop a screening, the JIT compilers and the renderer all want a core at once, and the FX thread
 * then waits its turn for 50 to 100 ms (docs/benchmarks.md, "Workstation: start-up and responsiveness"). HotSpot
 * ignores Java thread priorities on Linux unless started with {@code -XX:ThreadPriorityPolicy}, which a
 * {@code java -jar} start cannot carry, so on Linux the OS priority is raised per thread with {@code setpriority(2)},
 * which any process may do to its own threads (it may not undo it). New threads inherit it, so a screening pool
 * started from a background task runs at the task's priority. Elsewhere {@link Thread#setPriority} is the hint
 * (Windows honours it).
 */
public final class BackgroundPriority {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundPriority.class);

    /** The app's background tasks (screening, scoring, import, the 3D view's propagation): run when nothing else waits. */
    static final int TASK_NICE = 19;
    /**
     * The JIT compilers: after drawing, before the app's background work, so a screening cannot starve the compiling
     * of its own hot code.
     */
    static final int COMPILER_NICE = 10;

    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT)
            .startsWith("linux");
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final int PRIO_PROCESS = 0;

    private BackgroundPriority() {
    }

    private interface LibC extends Library {
        /** {@code who} is a thread id: on Linux PRIO_PROCESS applies to the one thread. */
        int setpriority(int which, int who, int prio);
    }

    /** Loaded on first use; null where the C library cannot be reached (then only the Java hint is given). */
    private static final class Native0 {
        static final LibC LIBC = load();

        private static LibC load() {
            if (!LINUX) {
                return null;
            }
            try {
                return Native.load("c", LibC.class);
            } catch (LinkageError | RuntimeException e) {
                LOG.info("cannot lower background threads' OS priority ({}); the FX thread competes with them as an equal",
                        e.toString());
                return null;
            }
        }
    }

    /** Lowers the calling thread (and the threads it will start) to background priority. */
    public static void lowerCurrentThread() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        currentThreadId().ifPresent(tid -> setNice(tid, TASK_NICE));
    }

    /**
     * A scheduler whose one thread is started now, by the calling thread. Left to start on the first submission, the
     * thread would be made by whichever thread submits first; a background task would pass on its low priority, and
     * the service (alarms, live-data throttling) would then wait behind the work it reports on.
     */
    public static ScheduledThreadPoolExecutor startedScheduler(ThreadFactory threads) {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, threads);
        scheduler.prestartAllCoreThreads();
        return scheduler;
    }

    /** Lowers the JVM's JIT compiler threads below the FX thread; returns how many it lowered. */
    public static int lowerCompilerThreads() {
        int lowered = 0;
        for (long tid : threadIdsNamed("C1 Compiler", "C2 Compiler")) {
            if (setNice(tid, COMPILER_NICE)) {
                lowered++;
            }
        }
        return lowered;
    }

    /** The OS priority (nice value) of a thread of this process, if the OS says (Linux). */
    static OptionalInt niceOf(long tid) {
        try {
            String stat = Files.readString(TASKS.resolve(Long.toString(tid)).resolve("stat"));
            // proc(5): fields after the parenthesised name, which may hold spaces; nice is field 19, the 17th after it
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return OptionalInt.of(Integer.parseInt(fields[16]));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /** The OS thread id of the calling thread (Linux). */
    static OptionalLong currentThreadId() {
        if (!LINUX) {
            return OptionalLong.empty();
        }
        try {
            // "/proc/thread-self" links to "PID/task/TID"
            return OptionalLong.of(Long.parseLong(Files.readSymbolicLink(THREAD_SELF).getFileName().toString()));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** OS thread ids of this process's threads whose OS name (15 characters at most) starts with one of the prefixes. */
    public static List<Long> threadIdsNamed(String... prefixes) {
        List<Long> ids = new ArrayList<>();
        if (!LINUX) {
            return ids;
        }
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String name;
                try {
                    name = Files.readString(task.resolve("comm")).strip();
                } catch (IOException gone) {
                    continue; // the thread ended while we listed
                }
                for (String prefix : prefixes) {
                    if (name.startsWith(prefix)) {
                        ids.add(Long.parseLong(task.getFileName().toString()));
                        break;
                    }
                }
            }
        } catch (IOException e) {
            LOG.debug("cannot list this process's threads", e);
        }
        return ids;
    }

    private static boolean setNice(long tid, int nice) {
        LibC libc = Native0.LIBC;
        if (libc == null) {
            return false;
        }
        if (libc.setpriority(PRIO_PROCESS, (int) tid, nice) != 0) {
            LOG.debug("setpriority({}, {}) failed with errno {}", tid, nice, Native.getLastError());
            return false;
        }
        return true;
    }
}
