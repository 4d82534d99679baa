/** Read-only figures of the community board, for other plugins (the community plugin provides them). */
package io.kindred.api.community;
