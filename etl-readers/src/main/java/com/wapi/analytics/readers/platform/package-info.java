/** Platform events (POST /events, DESIGN.md 3.2) into facts, with the per-type validation the receiver uses too. */
package com.wapi.analytics.readers.platform;
