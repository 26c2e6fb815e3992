/** Meta WhatsApp Cloud API webhooks into facts, routed to workspaces by phone number or WABA. */
package com.wapi.analytics.readers.meta;
