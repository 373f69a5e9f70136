/**
 * End-to-end tests with the guest programs of {@code src-test/guest}: prebuilt static Linux binaries
 * (glibc, glibc static-PIE, glibc i386, musl, and libc-free {@code _start} programs) whose standard
 * output and exit status, recorded from native runs, are what jx86 must reproduce. A {@link
 * dev.jx86.conformance.guest.GuestRunner} runs a binary natively or under jx86; the cases and their
 * expected results come from the files next to the binaries. {@code BenchKernelsTest} builds the benchmark
 * kernels of {@code bench/guest} with gcc and checks them the same way. Depends only on the JDK and JUnit.
 */
package dev.jx86.conformance.guest;
