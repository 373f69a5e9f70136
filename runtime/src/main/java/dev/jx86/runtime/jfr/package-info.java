/**
 * The JDK Flight Recorder events of the runtime: translation, compilation, eviction, invalidation and guest exits
 * (docs/profiling.md). Emitted whenever a recording asks for them ({@code -XX:StartFlightRecording}); when none does
 * they cost an untaken branch, and until JFR is started no event object is made at all ({@link Recorder}). Not
 * exported: recordings name them {@code dev.jx86.*}. Depends on nothing else.
 */
package dev.jx86.runtime.jfr;
