#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
struct regs { uint32_t r[8]; uint32_t flags; };
void run(struct regs*, struct regs*, void*);
static const char* names[]={"rax","rcx","rdx","rbx","rsp","rbp","rsi","rdi"};
int main(int argc, char** argv){
  unsigned char* code = mmap((void*)0x400000, 0x10000, 7, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0);
  unsigned char* data = mmap((void*)0x500000, 0x10000, 3, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0);
  struct regs in={0}, out={0}; in.flags = 0x202;
  int n=0; const char* h=argv[1];
  while (*h) { if (*h==' ') {h++; continue;} unsigned v; sscanf(h, "%2x", &v); code[n++]=v; h+=2; }
  code[n]=0xc3;
  for (int i=2;i<argc;i++){ char k[32]; unsigned long long v;
    if (sscanf(argv[i], "%31[^=]=%llx", k, &v)!=2) continue;
    if (!strcmp(k,"flags")) in.flags = v | 0x202;
    else if (!strncmp(k,"mem",3)) { int off = atoi(k+3); memcpy(data+off, &v, 8); }
    else for (int j=0;j<8;j++) if(!strcmp(k,names[j])) in.r[j]=v; }
  run(&in,&out,code);
  for (int j=0;j<8;j++) if (j!=4 && out.r[j]!=in.r[j]) printf("%s=%016llx ", names[j], (unsigned long long)out.r[j]);
  printf("flags=%03llx", (unsigned long long)(out.flags & 0x8d5));
  printf(" mem=");
  for (int i=0;i<16;i++) printf("%02x", data[i]);
  printf("\n");
}
