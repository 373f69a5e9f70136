/** The jx86 intermediate representation. Knows nothing of x86 decoding or the JVM. */
module dev.jx86.ir {
    exports dev.jx86.ir;
    exports dev.jx86.ir.eval;
    exports dev.jx86.ir.text;
    exports dev.jx86.ir.verify;
    exports dev.jx86.ir.opt;
}
