/**
 * PC platform devices behind the runtime's bus interfaces, one package per chip. Depends on the runtime only.
 */
package dev.jx86.devices;
