/** Message level (§5–§14 of hj212-2017.md): typed header, CP data area, code tables and messages. */
package io.pollwatt.hj212.message;
