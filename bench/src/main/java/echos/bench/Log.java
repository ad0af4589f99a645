package echos.bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

final class Log {

    private Log() {
    }

    static void info(String fmt, Object... args) {
        System.out.println("[" + LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + "] " + String.format(fmt, args));
        System.out.flush();
    }
}
