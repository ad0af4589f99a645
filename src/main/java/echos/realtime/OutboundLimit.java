package echos.realtime;

/** How much may wait to be written to one socket: frames and UTF-8 bytes (WS_MAX_OUTBOUND_QUEUE, WS_MAX_OUTBOUND_BYTES). */
record OutboundLimit(int frames, long bytes) {

    OutboundLimit {
        if (frames < 1 || bytes < 1) {
            throw new IllegalArgumentException("WS_MAX_OUTBOUND_QUEUE and WS_MAX_OUTBOUND_BYTES must be at least 1");
        }
    }
}
