/** Storage: PostgreSQL (embedded by default) through HikariCP, schema by Flyway. */
package io.pollwatt.platform.storage;
