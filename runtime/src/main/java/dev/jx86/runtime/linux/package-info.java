/**
 * The Linux user-mode personality: the ELF loader and initial stack, the process (address space, file descriptors,
 * brk), and the x86-64 and i386 system call tables with Linux's errno semantics, served by the host through Java NIO.
 * Depends on the ABI, memory, ELF and execution packages.
 */
package dev.jx86.runtime.linux;
