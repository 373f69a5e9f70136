/** The jx86 intermediate representation. Knows nothing of x86 or the JVM. */
module dev.jx86.ir {}
