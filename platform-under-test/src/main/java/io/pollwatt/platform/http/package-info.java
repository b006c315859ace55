/** The platform's REST API (docs/api.md): devices, ingest statistics, evidence, records, health, OpenAPI. */
package io.pollwatt.platform.http;
