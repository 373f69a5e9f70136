/**
 * The intermediate representation: typed SSA blocks of ops ending in a terminal. Depends on nothing.
 */
package dev.jx86.ir;
