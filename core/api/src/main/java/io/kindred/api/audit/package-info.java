/** The audit log: what operators did, as plugins record it. */
package io.kindred.api.audit;
