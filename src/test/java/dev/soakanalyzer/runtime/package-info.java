/** Integration tests of the shipped runtime (failsafe, after the jar is packaged). */
package dev.soakanalyzer.runtime;
