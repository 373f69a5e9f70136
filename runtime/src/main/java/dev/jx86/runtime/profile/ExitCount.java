package dev.jx86.runtime.profile;

/**
 * How often the guest left translated code for one reason, and the time the runtime spent on it.
 *
 * @param nanos time spent, or -1 where it is not measured (counting it would cost the guest too much)
 */
public record ExitCount(ExitKind kind, long count, long nanos) {}
