/** Platform events (POST /events, docs/contract.md) into facts, with the per-type validation the receiver uses too. */
package com.wapi.analytics.readers.platform;
