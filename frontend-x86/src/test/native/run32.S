.intel_syntax noprefix
.globl run
.data
codeptr: .long 0
outptr: .long 0
.text
run:
  push ebx
  push ebp
  push esi
  push edi
  mov edi, [esp+20]
  mov eax, [esp+24]
  mov [outptr], eax
  mov eax, [esp+28]
  mov [codeptr], eax
  mov eax, [edi+32]
  push eax
  popfd
  mov eax, [edi]
  mov ecx, [edi+4]
  mov edx, [edi+8]
  mov ebx, [edi+12]
  mov ebp, [edi+20]
  mov esi, [edi+24]
  mov edi, [edi+28]
  call [codeptr]
  pushfd
  push edi
  mov edi, [outptr]
  mov [edi], eax
  mov [edi+4], ecx
  mov [edi+8], edx
  mov [edi+12], ebx
  mov [edi+20], ebp
  mov [edi+24], esi
  pop eax
  mov [edi+28], eax
  pop eax
  mov [edi+32], eax
  cld
  pop edi
  pop esi
  pop ebp
  pop ebx
  ret
