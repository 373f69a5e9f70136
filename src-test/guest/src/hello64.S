/*
 * hello64: an x86-64 program without a C library. _start reads argc from
 * the initial stack, prints a greeting and argc in decimal with the write
 * system call, sums 1..100 in a loop, and ends with exit_group; the status
 * is argc + 40 (41 with no arguments).
 */
        .section .rodata
greeting:
        .ascii  "hello from x86-64 _start, argc="
        .set    greeting_len, . - greeting
sum_text:
        .ascii  ", sum 1..100="
        .set    sum_text_len, . - sum_text

        .bss
        .lcomm  digits, 32

        .text
        .globl  _start
_start:
        mov     (%rsp), %r12            /* argc */
        lea     greeting(%rip), %rsi
        mov     $greeting_len, %edx
        call    write_out
        mov     %r12, %rax
        call    write_decimal

        xor     %eax, %eax              /* sum 1..100 */
        mov     $100, %ecx
1:      add     %rcx, %rax
        loop    1b
        mov     %rax, %r13
        lea     sum_text(%rip), %rsi
        mov     $sum_text_len, %edx
        call    write_out
        mov     %r13, %rax
        call    write_decimal
        lea     newline(%rip), %rsi
        mov     $1, %edx
        call    write_out

        lea     40(%r12), %rdi
        mov     $231, %eax              /* exit_group */
        syscall
        hlt

/* write(1, rsi, rdx) */
write_out:
        mov     $1, %eax
        mov     $1, %edi
        syscall
        ret

/* Writes rax in decimal: digits are made backwards at the end of a buffer. */
write_decimal:
        lea     digits+32(%rip), %rsi
        mov     $10, %ecx
2:      xor     %edx, %edx
        div     %rcx
        add     $'0', %dl
        dec     %rsi
        mov     %dl, (%rsi)
        test    %rax, %rax
        jnz     2b
        lea     digits+32(%rip), %rdx
        sub     %rsi, %rdx
        jmp     write_out

        .section .rodata
newline:
        .ascii  "\n"
        .section .note.GNU-stack, "", @progbits
