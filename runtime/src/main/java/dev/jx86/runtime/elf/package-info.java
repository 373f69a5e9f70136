/**
 * ELF file reading: headers, sections, segments and symbols of 32- and 64-bit little-endian images. Depends on nothing else in jx86.
 */
package dev.jx86.runtime.elf;
