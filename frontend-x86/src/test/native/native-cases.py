#!/usr/bin/env python3
"""Usage: native-cases.py CASES [32] (32: 32-bit mode). Assembles each case (Intel syntax), runs it natively with the runner, and prints the resource line."""
import subprocess, sys, os, tempfile
RUNNER = os.environ.get("RUNNER", "./runner")  # gcc -O1 -o runner runner.c run.S
BITS = "64"
if len(sys.argv) > 2 and sys.argv[2] == "32":
    BITS = "32"; RUNNER = os.environ.get("RUNNER32", "./runner32")  # gcc -m32 -O1 -o runner32 runner32.c run32.S
def assemble(asm):
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "a.s"); obj = os.path.join(d, "a.o"); binf = os.path.join(d, "a.bin")
        open(src, "w").write(".intel_syntax noprefix\n" + asm.replace(";", "\n") + "\n")
        subprocess.run(["as", "--" + BITS, "-o", obj, src], check=True)
        subprocess.run(["objcopy", "-O", "binary", "-j", ".text", obj, binf], check=True)
        return " ".join("%02x" % b for b in open(binf, "rb").read())
for line in open(sys.argv[1]):
    line = line.rstrip("\n")
    if not line.strip() or line.startswith("#"):
        print(line); continue
    parts = [p.strip() for p in line.split("|")]
    asm, inputs = parts[0], parts[1]
    mask = parts[2] if len(parts) > 2 and parts[2] else "8d5"
    code = assemble(asm)
    p = subprocess.run([RUNNER, code] + inputs.split(), capture_output=True, text=True)
    out = {0: p.stdout.strip(), -8: "#DE", -11: "#SEGV", -4: "#UD"}.get(p.returncode, "?%d" % p.returncode)
    print(f"{code} | {inputs} | {out} | {mask} | {asm}")
