package org.teachbox.engine.pretrained;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pretrained network ready to run forward: a list of {@link Op}s in an order where every op's
 * inputs come before it, built by {@link NetworkBuilder} from a {@link TfjsModel}. Its weights
 * never change after loading, so any number of threads may run it at once; each run borrows a
 * {@link Scratch} (one float buffer per activation slot) from a small pool and gives it back.
 *
 * <p>Activations are channels-last (h x w x c). Ops whose outputs are never alive at the same
 * time share a buffer (a slot), so MobileNetV2 needs four buffers instead of one per layer.
 *
 * <p>One picture can also be split between threads: every thread runs every op on its own band
 * of output rows, and all wait at a barrier before the next op reads those rows.
 */
public final class Network {
    final List<Op> ops;
    final Set<String> weightNames;
    private final int[] slotOf;
    private final int[] slotSize;
    private final ConcurrentLinkedQueue<Scratch> pool = new ConcurrentLinkedQueue<>();

    Network(List<Op> ops, Set<String> weightNames) {
        this.ops = List.copyOf(ops);
        this.weightNames = Set.copyOf(weightNames);
        int n = ops.size();
        int[] lastUse = new int[n];
        for (int i = 0; i < n; i++) {
            lastUse[i] = i;
            for (int in : ops.get(i).inputs) {
                lastUse[in] = i;
            }
        }
        lastUse[n - 1] = n; // the output stays alive
        slotOf = new int[n];
        List<Integer> sizes = new ArrayList<>();
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int slot;
            if (free.isEmpty()) {
                slot = sizes.size();
                sizes.add(0);
            } else {
                slot = free.remove(free.size() - 1);
            }
            slotOf[i] = slot;
            sizes.set(slot, Math.max(sizes.get(slot), ops.get(i).size()));
            for (int in : ops.get(i).inputs) {
                if (lastUse[in] == i && !free.contains(slotOf[in])) {
                    free.add(slotOf[in]);
                }
            }
            if (lastUse[i] == i) {
                free.add(slot); // an output nobody reads
            }
        }
        slotSize = sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Input shape as [height, width, channels]. */
    public int[] inputShape() {
        Op in = ops.get(0);
        return new int[] {in.h, in.w, in.c};
    }

    /** Output shape as [height, width, channels]; [1, 1, units] for a vector. */
    public int[] outputShape() {
        Op out = ops.get(ops.size() - 1);
        return new int[] {out.h, out.w, out.c};
    }

    /** Parameters of the layers it runs, as stored in the file (before any folding). */
    public long parameterCount() {
        long n = 0;
        for (Op op : ops) {
            n += op.storedParameters;
        }
        return n;
    }

    /** Runs one channels-last input (h x w x c floats) on the calling thread. */
    public float[] run(float[] hwc) {
        int[] s = inputShape();
        if (hwc.length != s[0] * s[1] * s[2]) {
            throw new IllegalArgumentException("expected " + s[0] * s[1] * s[2] + " input values, got " + hwc.length);
        }
        Scratch scratch = borrow();
        try {
            return run(scratch, hwc, false, 0, 1, null);
        } finally {
            pool.add(scratch);
        }
    }

    Scratch borrow() {
        Scratch s = pool.poll();
        return s != null ? s : new Scratch(slotSize);
    }

    void giveBack(Scratch s) {
        pool.add(s);
    }

    /**
     * Runs part `part` of `parts` of one picture in scratch (parts share one scratch and one
     * barrier) and returns a copy of the output. The input is HWC, or CHW when chw is true.
     */
    float[] run(Scratch scratch, float[] input, boolean chw, int part, int parts, SpinBarrier barrier) {
        float[][] buf = scratch.buffers;
        Op first = ops.get(0);
        int y0 = first.h * part / parts;
        int y1 = first.h * (part + 1) / parts;
        copyInput(input, chw, buf[slotOf[0]], first, y0, y1);
        for (int i = 1; i < ops.size(); i++) {
            if (barrier != null) {
                barrier.await();
            }
            Op op = ops.get(i);
            float[][] in = new float[op.inputs.length][];
            for (int k = 0; k < in.length; k++) {
                in[k] = buf[slotOf[op.inputs[k]]];
            }
            op.run(in, buf[slotOf[i]], op.h * part / parts, op.h * (part + 1) / parts);
        }
        if (barrier != null) {
            barrier.await();
        }
        Op last = ops.get(ops.size() - 1);
        return java.util.Arrays.copyOf(buf[slotOf[ops.size() - 1]], last.size());
    }

    private static void copyInput(float[] input, boolean chw, float[] dst, Op in, int y0, int y1) {
        if (!chw) {
            System.arraycopy(input, y0 * in.w * in.c, dst, y0 * in.w * in.c, (y1 - y0) * in.w * in.c);
            return;
        }
        int plane = in.h * in.w;
        for (int y = y0; y < y1; y++) {
            for (int x = 0; x < in.w; x++) {
                for (int c = 0; c < in.c; c++) {
                    dst[(y * in.w + x) * in.c + c] = input[c * plane + y * in.w + x];
                }
            }
        }
    }

    /** A network that runs this one and then averages each channel over the pixels. */
    Network thenGlobalAveragePool() {
        List<Op> more = new ArrayList<>(ops);
        Op last = ops.get(ops.size() - 1);
        more.add(new Ops.GlobalAveragePool("global_average_pooling2d", ops.size() - 1, last.h, last.w, last.c));
        return new Network(more, weightNames);
    }

    /** One buffer per slot, for one picture in flight. */
    static final class Scratch {
        final float[][] buffers;

        Scratch(int[] sizes) {
            buffers = new float[sizes.length][];
            for (int i = 0; i < sizes.length; i++) {
                buffers[i] = new float[sizes[i]];
            }
        }
    }

    /**
     * Lets `parties` threads wait for each other between ops. It spins briefly, because an op on
     * part of a picture takes only tens of microseconds and parking a thread costs about as much,
     * then yields, then sleeps, so a stalled partner never burns a shared core for long.
     */
    static final class SpinBarrier {
        private final int parties;
        private final AtomicInteger arrived = new AtomicInteger();
        private volatile int generation;
        private volatile boolean broken;

        SpinBarrier(int parties) {
            this.parties = parties;
        }

        void await() {
            int g = generation;
            if (arrived.incrementAndGet() == parties) {
                arrived.set(0);
                generation = g + 1;
                return;
            }
            int spins = 0;
            while (generation == g) {
                if (broken) {
                    throw new IllegalStateException("another thread working on this picture failed");
                }
                spins++;
                if (spins < 20_000) {
                    Thread.onSpinWait();
                } else if (spins < 21_000) {
                    Thread.yield();
                } else {
                    java.util.concurrent.locks.LockSupport.parkNanos(50_000);
                }
            }
        }

        /** Releases the threads waiting here when a partner has failed. */
        void breakIt() {
            broken = true;
        }
    }
}
