/** Side-effect primitives every adapter shares: atomic file writes, injected waiting. */
package dev.soakanalyzer.io;
