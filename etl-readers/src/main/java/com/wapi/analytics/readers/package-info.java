/**
 * Parsing of Meta webhooks ({@code meta}) and platform events ({@code platform}) into fact records ({@code facts});
 * the Meta error catalogue ({@code errors}). Plain Java: no Spring. Parsers never throw: every input yields
 * facts or a typed rejection.
 */
package com.wapi.analytics.readers;
