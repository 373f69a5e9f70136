/*
 * hello32: an i386 program without a C library. _start reads argc from
 * the initial stack, prints a greeting and argc in decimal through
 * int $0x80 write, multiplies 1*2*...*12 in a loop, and ends with exit;
 * the status is argc + 30 (31 with no arguments).
 */
        .section .rodata
greeting:
        .ascii  "hello from i386 _start, argc="
        .set    greeting_len, . - greeting
product_text:
        .ascii  ", 12!="
        .set    product_text_len, . - product_text
newline:
        .ascii  "\n"

        .bss
        .lcomm  digits, 16

        .text
        .globl  _start
_start:
        mov     (%esp), %esi            /* argc */
        mov     $greeting, %ecx
        mov     $greeting_len, %edx
        call    write_out
        mov     %esi, %eax
        call    write_decimal

        mov     $1, %eax                /* 12! fits in 32 bits */
        mov     $12, %ecx
1:      mul     %ecx
        loop    1b
        mov     %eax, %edi
        mov     $product_text, %ecx
        mov     $product_text_len, %edx
        call    write_out
        mov     %edi, %eax
        call    write_decimal
        mov     $newline, %ecx
        mov     $1, %edx
        call    write_out

        lea     30(%esi), %ebx
        mov     $1, %eax                /* exit */
        int     $0x80
        hlt

/* write(1, ecx, edx) */
write_out:
        push    %ebx
        mov     $4, %eax
        mov     $1, %ebx
        int     $0x80
        pop     %ebx
        ret

/* Writes eax in decimal, digits made backwards at the end of a buffer. */
write_decimal:
        push    %ebx
        mov     $digits+16, %ecx
        mov     $10, %ebx
2:      xor     %edx, %edx
        div     %ebx
        add     $'0', %dl
        dec     %ecx
        mov     %dl, (%ecx)
        test    %eax, %eax
        jnz     2b
        mov     $digits+16, %edx
        sub     %ecx, %edx
        pop     %ebx
        jmp     write_out

        .section .note.GNU-stack, "", @progbits
