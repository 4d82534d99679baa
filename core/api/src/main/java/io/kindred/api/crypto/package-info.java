/** Sealing sensitive fields (identity numbers, bank accounts) at rest: {@link io.kindred.api.crypto.Vault}. */
package io.kindred.api.crypto;
