/** File output that never leaves a half-written file: temp file + atomic rename. */
package dev.soakanalyzer.io;
