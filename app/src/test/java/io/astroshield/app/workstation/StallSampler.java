package io.astroshield.app.workstation;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.astroshield.app.fx.BackgroundPriority;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Part of the responsiveness benchmark: whenever the last FX pulse is older than {@link #STALL_NANOS}, samples the
 * stacks of the FX application thread and the prism render thread every few milliseconds and counts them, so the
 * bench can say what those threads were doing during long gaps; it also reads their CPU time across each stall
 * (running, or runnable but starved of a core?) and records every GC pause, to tell collector pauses from work.
 */
final class StallSampler {

    /** A gap is looked into from here: well under the 100 ms target, well over a 16.7 ms frame. */
    static final long STALL_NANOS = 60_000_000L;
    private static final long SAMPLE_NANOS = 5_000_000L;
    private static final int DEPTH = 40;
    private static final String FX_THREAD = "JavaFX Application Thread";
    private static final String RENDER_THREAD = "QuantumRenderer-0";

    /** One GC pause: start in JVM uptime milliseconds, duration in milliseconds. */
    record GcPause(String collector, String cause, long startMs, long durationMs) {
    }

    /** One stall: how long, and how much CPU the FX and render threads got in it, nanoseconds. */
    record Stall(long startNanos, long lengthNanos, long fxCpuNanos, long renderCpuNanos, long gcMs,
                 String threads, long[] fxWholeGap) {
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long jvmStartNanos = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
    private final Map<String, Integer> fxStacks = new HashMap<>();
    private final Map<String, Integer> renderStacks = new HashMap<>();
    private final Map<String, Integer> fxTopOwnFrames = new HashMap<>();
    /** Background task threads seen RUNNABLE in gaps, by Java name and innermost project frame. */
    private final Map<String, Integer> taskFrames = new HashMap<>();
    private final List<GcPause> gcPauses = new ArrayList<>();
    private final List<Stall> stalls = new ArrayList<>();
    private final Thread sampler;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener gcListener = (n, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
            synchronized (gcPauses) {
                gcPauses.add(new GcPause(info.getGcName(), info.getGcCause(), info.getGcInfo().getStartTime(),
                        info.getGcInfo().getDuration()));
            }
        }
    };
    /** Per OS thread id: the CPU time first and last seen, nanoseconds, and the thread's name. */
    private final Map<Long, long[]> cpuSeen = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();
    private long lastCpuRead;
    private volatile long lastPulseNanos;
    private volatile boolean running = true;
    private int samples;

    StallSampler() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(gcListener, null, null);
                emitters.add(e);
            }
        }
        sampler = new Thread(this::loop, "stall-sampler");
        sampler.setDaemon(true);
        // above the screening workers, so that it sees the stall while it happens
        sampler.setPriority(Thread.MAX_PRIORITY);
    }

    /** From the AnimationTimer, on the FX thread. */
    void pulse(long nowNanos) {
        lastPulseNanos = nowNanos;
        if (!sampler.isAlive()) {
            sampler.start();
        }
    }

    void stop() {
        running = false;
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(gcListener);
            } catch (javax.management.ListenerNotFoundException ignored) {
                // never added
            }
        }
    }

    private void loop() {
        long fx = threadId(FX_THREAD);
        long render = threadId(RENDER_THREAD);
        Path fxSchedstat = osThread(FX_THREAD).resolve("schedstat");
        long seenPulse = 0;
        long[] fxAtPulse = new long[2];
        while (running) {
            LockSupport.parkNanos(SAMPLE_NANOS);
            readCpu();
            long pulse = lastPulseNanos;
            if (pulse != seenPulse) {
                // at most one sample period after the pulse: the FX thread's share of a whole gap, not only its tail
                seenPulse = pulse;
                fxAtPulse = schedstat(fxSchedstat);
            }
            if (System.nanoTime() - pulse < STALL_NANOS) {
                continue;
            }
            long fxCpu0 = cpu(fx);
            long renderCpu0 = cpu(render);
            Map<String, long[]> sched0 = schedstat();
            while (running && lastPulseNanos == pulse) {
                sample(fx, render);
                LockSupport.parkNanos(SAMPLE_NANOS);
            }
            long end = lastPulseNanos;
            long gcMs = gcWithin(pulse, end);
            synchronized (stalls) {
                long[] fxEnd = schedstat(fxSchedstat);
                stalls.add(new Stall(pulse, end - pulse, cpu(fx) - fxCpu0, cpu(render) - renderCpu0, gcMs,
                        schedDelta(sched0, schedstat()), new long[] {fxEnd[0] - fxAtPulse[0], fxEnd[1] - fxAtPulse[1]}));
            }
        }
    }

    /**
     * Every thread's CPU time twice a second from /proc (Linux), so that native threads count too (Mesa's llvmpipe
     * rasterisers, GC and JIT threads) and workers that end before the bench does are not missed.
     */
    private void readCpu() {
        long now = System.nanoTime();
        if (now - lastCpuRead < 500_000_000L && lastCpuRead != 0) {
            return;
        }
        // a thread first seen after the first read started after the bench did: all its CPU time counts
        boolean first = lastCpuRead == 0;
        lastCpuRead = now;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                long tid = Long.parseLong(task.getFileName().toString());
                String stat;
                String name;
                try {
                    stat = Files.readString(task.resolve("stat"));
                    name = Files.readString(task.resolve("comm")).trim();
                } catch (IOException gone) {
                    continue;
                }
                // fields after the command's closing parenthesis: state is field 3, utime 14, stime 15 (clock ticks)
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
                synchronized (cpuSeen) {
                    names.putIfAbsent(tid, name);
                    cpuSeen.computeIfAbsent(tid, k -> new long[] {first ? cpu : 0, cpu})[1] = cpu;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Per thread (tid and OS name), from /proc/self/task/TID/schedstat (Linux): nanoseconds on a CPU and nanoseconds
     * runnable but waiting for one. Read at a stall's detection and at its end: who had the cores, who waited.
     */
    private static Map<String, long[]> schedstat() {
        Map<String, long[]> out = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String[] f = Files.readString(task.resolve("schedstat")).trim().split(" ");
                    String name = Files.readString(task.resolve("comm")).trim();
                    out.put(task.getFileName() + " " + name, new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])});
                } catch (IOException | RuntimeException gone) {
                    // the thread ended, or no schedstat here
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** One thread's schedstat: nanoseconds on a CPU, nanoseconds runnable but waiting; zeros if unreadable. */
    private static long[] schedstat(Path file) {
        try {
            String[] f = Files.readString(file).trim().split(" ");
            return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])};
        } catch (IOException | RuntimeException e) {
            return new long[2];
        }
    }

    /** /proc/self/task/TID of the thread whose OS name starts like {@code javaName} (15 characters kept). */
    private static Path osThread(String javaName) {
        return BackgroundPriority.threadIdsNamed(javaName.substring(0, Math.min(15, javaName.length()))).stream()
                .findFirst().map(tid -> Path.of("/proc/self/task", Long.toString(tid)))
                .orElse(Path.of("/nonexistent"));
    }

    private static String schedDelta(Map<String, long[]> before, Map<String, long[]> after) {
        StringBuilder b = new StringBuilder();
        after.entrySet().stream()
                .map(e -> {
                    long[] a = e.getValue();
                    long[] z = before.getOrDefault(e.getKey(), new long[2]);
                    return Map.entry(e.getKey(), new long[] {a[0] - z[0], a[1] - z[1]});
                })
                .filter(e -> e.getValue()[0] + e.getValue()[1] > 2_000_000L)
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0]).reversed())
                .limit(8)
                .forEach(e -> b.append(String.format(Locale.ROOT, "%n             %-24s on cpu %5.1f ms, waiting %5.1f ms",
                        e.getKey(), e.getValue()[0] / 1e6, e.getValue()[1] / 1e6)));
        return b.toString();
    }

    /** CPU time each group of threads (names that differ only in numbers) used while the sampler ran. */
    String cpuReport() {
        readCpu();
        Map<String, Long> byGroup = new HashMap<>();
        long total = 0;
        synchronized (cpuSeen) {
            for (Map.Entry<Long, long[]> e : cpuSeen.entrySet()) {
                long used = e.getValue()[1] - e.getValue()[0];
                byGroup.merge(names.get(e.getKey()).replaceAll("\\d+", "#"), used, Long::sum);
                total += used;
            }
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "CPU time by thread (OS names, 15 characters) while sampling: %.1f s in all%n", total / 1e9));
        byGroup.entrySet().stream().filter(e -> e.getValue() > 50_000_000L)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> out.append(String.format(Locale.ROOT, "  %8.1f  %s%n", e.getValue() / 1e9, e.getKey())));
        return out.toString();
    }

    private long cpu(long id) {
        return id < 0 ? 0 : Math.max(0, threads.getThreadCpuTime(id));
    }

    private void sample(long fx, long render) {
        ThreadInfo[] infos = threads.getThreadInfo(new long[] {fx, render}, DEPTH);
        synchronized (fxStacks) {
            samples++;
            for (ThreadInfo t : threads.dumpAllThreads(false, false, 12)) {
                if (t.getThreadName().startsWith("astroshield-task") && t.getThreadState() == Thread.State.RUNNABLE) {
                    taskFrames.merge(t.getThreadName().replaceAll("\\d+", "#") + "  " + ownFrame(t), 1,
                            Integer::sum);
                }
            }
            if (infos[0] != null) {
                fxStacks.merge(key(infos[0], 8), 1, Integer::sum);
                fxTopOwnFrames.merge(ownFrame(infos[0]), 1, Integer::sum);
            }
            if (infos[1] != null) {
                renderStacks.merge(key(infos[1], 6), 1, Integer::sum);
            }
        }
    }

    private static String key(ThreadInfo info, int frames) {
        StringBuilder b = new StringBuilder(info.getThreadState().name());
        StackTraceElement[] stack = info.getStackTrace();
        for (int i = 0; i < Math.min(frames, stack.length); i++) {
            b.append("\n      ").append(stack[i].getClassName()).append('.').append(stack[i].getMethodName())
                    .append(':').append(stack[i].getLineNumber());
        }
        return b.toString();
    }

    /** The innermost frame of the project's own code on the stack: which view's work it is. */
    private static String ownFrame(ThreadInfo info) {
        for (StackTraceElement e : info.getStackTrace()) {
            if (e.getClassName().startsWith("io.astroshield")) {
                return e.getClassName() + "." + e.getMethodName() + ":" + e.getLineNumber();
            }
        }
        return "(no io.astroshield frame)";
    }

    private long gcWithin(long fromNanos, long toNanos) {
        long fromMs = (fromNanos - jvmStartNanos) / 1_000_000L;
        long toMs = (toNanos - jvmStartNanos) / 1_000_000L;
        long total = 0;
        synchronized (gcPauses) {
            for (GcPause p : gcPauses) {
                long s = Math.max(p.startMs(), fromMs);
                long e = Math.min(p.startMs() + p.durationMs(), toMs);
                total += Math.max(0, e - s);
            }
        }
        return total;
    }

    private static long threadId(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name))
                .mapToLong(Thread::getId).findFirst().orElse(-1);
    }

    /** What the bench prints at the end. */
    String report(int top) {
        StringBuilder out = new StringBuilder();
        List<Stall> all;
        synchronized (stalls) {
            all = new ArrayList<>(stalls);
        }
        all.sort(Comparator.comparingLong(Stall::lengthNanos).reversed());
        out.append(String.format(Locale.ROOT, "%n%d gaps over %d ms; the longest, with the CPU the FX and render "
                + "threads got in them and the GC pauses inside:%n", all.size(), STALL_NANOS / 1_000_000));
        for (Stall s : all.subList(0, Math.min(top, all.size()))) {
            out.append(String.format(Locale.ROOT, "  %6.1f ms  FX cpu %5.1f ms  render cpu %5.1f ms  GC %d ms"
                            + "  at JVM uptime %.2f s%n", s.lengthNanos() / 1e6, s.fxCpuNanos() / 1e6,
                    s.renderCpuNanos() / 1e6, s.gcMs(), (s.startNanos() - jvmStartNanos) / 1e9));
            long fxOn = s.fxWholeGap()[0];
            long fxWait = s.fxWholeGap()[1];
            out.append(String.format(Locale.ROOT, "      FX thread across the whole gap: on cpu %.1f ms, waiting for a core"
                    + " %.1f ms, neither (blocked or idle) %.1f ms%n", fxOn / 1e6, fxWait / 1e6,
                    Math.max(0, s.lengthNanos() - fxOn - fxWait) / 1e6));
            if (all.indexOf(s) < 3) {
                out.append("      threads from the stall's detection (60 ms in) to its end:").append(s.threads())
                        .append('\n');
            }
        }
        synchronized (gcPauses) {
            long total = gcPauses.stream().mapToLong(GcPause::durationMs).sum();
            long max = gcPauses.stream().mapToLong(GcPause::durationMs).max().orElse(0);
            out.append(String.format(Locale.ROOT, "GC: %d pauses, %d ms in all, longest %d ms%n", gcPauses.size(),
                    total, max));
            gcPauses.stream().sorted(Comparator.comparingLong(GcPause::durationMs).reversed()).limit(5)
                    .forEach(p -> out.append(String.format(Locale.ROOT, "  %d ms %s (%s)%n", p.durationMs(),
                            p.collector(), p.cause())));
        }
        synchronized (fxStacks) {
            out.append(String.format(Locale.ROOT, "%d samples in gaps; FX thread, innermost own frame:%n", samples));
            appendTop(out, fxTopOwnFrames, top);
            out.append("background task threads running in gaps, innermost own frame:\n");
            appendTop(out, taskFrames, top);
            out.append("FX thread stacks:\n");
            appendTop(out, fxStacks, top);
            out.append("render thread stacks:\n");
            appendTop(out, renderStacks, top);
        }
        return out.toString();
    }

    private void appendTop(StringBuilder out, Map<String, Integer> counts, int top) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> out.append(String.format(Locale.ROOT, "  %5d (%4.1f %%) %s%n", e.getValue(),
                        100.0 * e.getValue() / Math.max(1, samples), e.getKey())));
    }
}
