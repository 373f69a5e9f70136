/**
 * Profile reports ({@code jx86 profile}): the runtime's {@link dev.jx86.runtime.profile.Profile} turned into hot
 * blocks and regions by guest symbol, cache statistics, exits and a flame tree ({@link ProfileReport}), written as
 * text, JSON ({@code docs/profiling.md} documents the schema) or a self-contained HTML page. Depends on the runtime's
 * profile and elf packages only.
 */
package dev.jx86.tools.profile;
