/** The reference monitoring platform: ingest, registry, storage, aggregation, rules, REST API and web page. */
package io.pollwatt.platform;
