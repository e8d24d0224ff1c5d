/** picocli commands, the mapping of options to validated settings, and the exit-code edge. */
package dev.soakanalyzer.cli;
