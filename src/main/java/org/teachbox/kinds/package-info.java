/**
 * The lesson on transfer learning: one photo project trained on both kinds of network, side by
 * side ({@link org.teachbox.kinds.KindComparison}), shown on the Train page.
 */
package org.teachbox.kinds;
