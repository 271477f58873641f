/**
 * Generation requests, their state machine, scheduling, timeouts, cancel, history and live
 * events; and the provider port every model provider implements.
 */
package dev.atelier.generation;
