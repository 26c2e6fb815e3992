/** Parsing of Meta webhooks and platform events into fact records. */
package com.wapi.analytics.readers;
