/**
 * The jx86 command line: one picocli class per subcommand. The only place that wires the parts together.
 */
package dev.jx86.tools.cli;
