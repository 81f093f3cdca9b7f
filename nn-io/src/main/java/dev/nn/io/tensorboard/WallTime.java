package dev.nn.io.tensorboard;

import java.time.Instant;
import java.time.InstantSource;

/** Event wall times: seconds since the epoch as a double, with sub-second precision. */
final class WallTime {
    private WallTime() {}

    static double seconds(InstantSource clock) {
        Instant now = clock.instant();
        return now.getEpochSecond() + now.getNano() / 1e9;
    }
}
