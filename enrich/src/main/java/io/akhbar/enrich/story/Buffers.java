package io.akhbar.enrich.story;

import java.nio.ByteBuffer;

/** Avro hands {@code bytes} fields over as buffers; the encodings and sketches the processors read take arrays. */
final class Buffers {
    private Buffers() {
    }

    /** The buffer's remaining bytes, copied; its position is left as it was, so a record can be read again. */
    static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer view = buffer.duplicate();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return bytes;
    }
}
