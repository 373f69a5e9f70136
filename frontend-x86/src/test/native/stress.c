#include <stdio.h>
#include <string.h>
#include <stdint.h>
#include <stdlib.h>
static uint64_t h = 0xcbf29ce484222325ULL;
static void mix(uint64_t v){ h ^= v; h *= 0x100000001b3ULL; h = (h << 13) | (h >> 51); }
static uint64_t rng = 88172645463325252ULL;
static uint64_t next(void){ rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; }
__attribute__((noinline)) static void ops(uint64_t a, uint64_t b){
  uint32_t a32=a, b32=b; uint16_t a16=a, b16=b; uint8_t a8=a, b8=b;
  int64_t sa=a, sb=b; int32_t sa32=a32, sb32=b32;
  mix(a+b); mix(a-b); mix(a*b); mix(a^b); mix(a&~b); mix(a|b);
  mix((unsigned __int128)a*b>>64); mix((__int128)sa*sb>>64);
  if (b) { mix(a/b); mix(a%b); } if (sb && !(sa==INT64_MIN && sb==-1)) { mix(sa/sb); mix(sa%sb); }
  if (b32) { mix(a32/b32); mix(a32%b32);} if (sb32 && !(sa32==INT32_MIN && sb32==-1)) { mix(sa32/sb32); mix(sa32%sb32); }
  if (b16) mix(a16/b16); if (b8) mix(a8%b8);
  mix(a<<(b&63)); mix(a>>(b&63)); mix(sa>>(b&63)); mix(a32<<(b&31)); mix(sa32>>(b&31));
  mix((a<<(b&63))|(a>>((64-(b&63))&63)));
  mix(__builtin_popcountll(a)); mix(a?__builtin_clzll(a):99); mix(a?__builtin_ctzll(a):99);
  mix(a32?__builtin_clz(a32):99); mix(__builtin_bswap64(a)); mix(__builtin_bswap32(a32)); mix(__builtin_bswap16(a16));
  mix(a < b); mix(sa < sb); mix(a32 < b32); mix(sa32 <= sb32); mix(a8 > b8); mix((int8_t)a8 > (int8_t)b8);
  mix(a & (a-1)); mix(a & -a); mix(a ^ (a-1)); mix((a >> 5) & ((1ULL<<(b&31))-1));
  mix(sa32 * (int64_t)sb32); mix((uint64_t)a32 * b32); mix(a16 * b16); mix((int16_t)a16 * (int16_t)b16);
  mix(__builtin_parityll(a)); mix(__builtin_ffsll(a)); mix(a > b ? a : b); mix(sa < sb ? sa : sb);
  unsigned long long c; mix(__builtin_add_overflow(a, b, &c)); mix(c); mix(__builtin_mul_overflow(sa, sb, (long long*)&c)); mix(c);
}
int main(){
  for (int i=0;i<20000;i++){ uint64_t a=next(), b=next(); int k=i%7; if(k==1) b>>=next()&63; if(k==2) a>>=next()&63; if(k==3) b=next()&7; if(k==4) a=-(a&15); ops(a,b); }
  printf("ops %016llx\n",(unsigned long long)h);
  static char s1[5000], s2[5000];
  for (int i=0;i<5000;i++){ s1[i]='a'+next()%26; }
  for (int i=0;i<3000;i++){ size_t n=next()%4000, o1=next()%900, o2=next()%900;
    memcpy(s2+o2, s1+o1, n/2); mix(s2[o2+n/3]); memmove(s2+o1, s2+o2, n/3); mix(s2[o1+n/4]);
    memset(s2+o1, 'a'+i%26, n/5); s2[4999]=0; s1[4999]=0; mix(strlen(s2+o1)); mix(strcmp(s1+o1, s2+o2) > 0);
    mix(memcmp(s1, s2, n) > 0); char* p=strchr(s1+o1, 'q'); mix(p? p-s1 : -1); char* r=memchr(s2, 'z', n); mix(r? r-s2: -1);
    mix(strspn(s1+o2, "abcdefgh")); }
  printf("str %016llx\n",(unsigned long long)h);
  return 0;
}
