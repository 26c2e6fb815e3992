package com.wapi.analytics.tenancy;

import java.util.LinkedHashMap;
import java.util.Map;

public record PhoneNumber(String phoneNumberId, String workspaceId, String wabaId, String displayNumber) {

    Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("workspace", workspaceId);
        state.put("waba_id", wabaId);
        state.put("display_number", displayNumber);
        return state;
    }
}
