package org.rapaio.jupyter.kernel.channels;

/**
 * rapaio-jupyter-kernel 3.0.1's LoopThread with its start-up race fixed: the original sets {@code running} after
 * {@code super.start()}, so a loop that checks it first ends at once and the kernel never answers (20-40 % of
 * starts). notebooks/run compiles this ahead of the kernel jar on the kernel's classpath.
 */
public final class LoopThread extends Thread {
    private volatile boolean running = false;
    private final long sleep;
    private final Runnable loopBody;

    public LoopThread(String name, long sleep, Runnable loopBody) {
        super(name);
        this.sleep = sleep;
        this.loopBody = loopBody;
    }

    @Override
    public void run() {
        while (running) {
            loopBody.run();
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                running = false;
                return;
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        super.start();
    }

    public void shutdown() {
        running = false;
    }
}
