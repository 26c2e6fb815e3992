/** Typed fact records, one per ClickHouse fact table; strings are "" when absent, never null. */
package com.wapi.analytics.readers.facts;
