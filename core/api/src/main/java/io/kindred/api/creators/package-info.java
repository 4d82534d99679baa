/** Certified creators (KOL/KOC): the service the creators (MCN) plugin provides to the others. */
package io.kindred.api.creators;
