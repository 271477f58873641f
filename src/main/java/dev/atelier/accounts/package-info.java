/**
 * Users, password login, access and refresh tokens, API keys, roles, and the one way every
 * module loads what a caller owns.
 */
package dev.atelier.accounts;
