/**
 * Guest memory: an {@link dev.jx86.runtime.mem.AddressSpace} of 4 KiB pages backed by off-heap frames with per-page
 * permissions and code-page tracking, and {@link dev.jx86.runtime.mem.TlbMemory}, the per-CPU view through a software
 * TLB that implements the ABI's {@link dev.jx86.runtime.abi.GuestMemory}. Depends on the ABI package only.
 */
package dev.jx86.runtime.mem;
