/**
 * The opcode maps, one file per map, one row per encoding in the order of the Intel SDM's opcode tables. Internal to the decoder.
 */
package dev.jx86.x86.decode.tables;
