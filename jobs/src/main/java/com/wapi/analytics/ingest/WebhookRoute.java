package com.wapi.analytics.ingest;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

/**
 * The only parsing the receiver does: a streaming scan for the first phone_number_id, or else the first
 * entry id (the WABA), stopping as soon as it is found. Garbage yields null: the body is stored anyway.
 */
final class WebhookRoute {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private WebhookRoute() {
    }

    static String routeKey(byte[] body) {
        String waba = null;
        try (JsonParser p = JSON.createParser(tools.jackson.core.ObjectReadContext.empty(), body)) {
            JsonToken token;
            int depth = 0;
            while ((token = p.nextToken()) != null) {
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    depth++;
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    depth--;
                } else if (token == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    if (name.equals("phone_number_id")) {
                        p.nextToken();
                        return p.getValueAsString();
                    }
                    if (name.equals("id") && waba == null && depth == 3) {
                        p.nextToken();
                        waba = p.getValueAsString();
                    }
                }
            }
        } catch (RuntimeException e) {
            return waba;
        }
        return waba;
    }
}
