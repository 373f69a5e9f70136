/**
 * What a profiled run collects ({@code jx86 profile}): per translation and per compiled region counts and costs,
 * translation-cache statistics, exits to the runtime by reason, and sampled guest call stacks. Plain data and a
 * sampler thread; reports are written by the tools. Depends on the runtime's abi, elf and mem packages.
 */
package dev.jx86.runtime.profile;
