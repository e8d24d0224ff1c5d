/** Fuzzing, fault injection, atomic outputs and injection tests (issue 7). */
package dev.soakanalyzer.reliability;
