/** HJ 212 ingest: the TCP server, the evidence log, idempotent storage, acknowledgements after commit. */
package io.pollwatt.platform.ingest;
