package dev.jx86.runtime.jfr;

import jdk.jfr.FlightRecorder;

/**
 * Whether JFR is up in this JVM. The first event object of a class starts JFR's metadata machinery (its annotations
 * read through proxies, its settings and type tables: about a tenth of a second of start-up, docs/performance.md), so
 * the runtime makes events only once a recording may want them: from {@code -XX:StartFlightRecording} on, or from the
 * moment {@code jcmd PID JFR.start} starts JFR in a running JVM.
 */
public final class Recorder {
    private Recorder() {}

    /** True once JFR has been started in this JVM; then events are made and each decides whether it is enabled. */
    public static boolean started() {
        return FlightRecorder.isInitialized();
    }
}
