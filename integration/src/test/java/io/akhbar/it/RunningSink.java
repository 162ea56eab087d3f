package io.akhbar.it;

import io.akhbar.sink.write.ElasticsearchSink;

import java.util.concurrent.atomic.AtomicReference;

/** A sink consuming on a thread of its own, as the sink service runs it, until closed. */
final class RunningSink implements AutoCloseable {
    private final ElasticsearchSink sink;
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    RunningSink(ElasticsearchSink sink) {
        this.sink = sink;
        this.thread = new Thread(() -> {
            try {
                sink.run();
            } catch (RuntimeException | Error e) {
                failure.set(e);
            }
        }, "test-sink");
        thread.start();
    }

    ElasticsearchSink sink() {
        return sink;
    }

    boolean running() {
        return thread.isAlive();
    }

    Throwable failure() {
        return failure.get();
    }

    @Override
    public void close() throws InterruptedException {
        sink.close();
        thread.join();
    }
}
