package com.wapi.analytics.readers;

/** Why an event cannot become facts. The code is what the quarantine table stores. */
public enum Rejection {
    BAD_JSON("the body is not valid JSON"),
    NOT_AN_OBJECT("the JSON is not an object of the expected shape"),
    UNKNOWN_TYPE("the event type is not one this product knows"),
    MISSING_FIELD("a required field is missing"),
    WRONG_TYPE("a field has the wrong JSON type"),
    BAD_VALUE("a field's value is not valid"),
    UNKNOWN_PHONE_NUMBER("the phone number is not mapped to a workspace"),
    UNKNOWN_ACCOUNT("no workspace has a number on this WhatsApp Business Account"),
    TOO_LARGE("the input is larger than the limit"),
    TOO_LONG("a value is longer than its limit"),
    TOO_DEEP("the JSON is nested deeper than the limit"),
    WORKSPACE_MISMATCH("the event names another workspace than its token's"),
    INSERT_REFUSED("ClickHouse refused the event's facts");

    private final String meaning;

    Rejection(String meaning) {
        this.meaning = meaning;
    }

    /** Stable lower_snake code, e.g. unknown_phone_number. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String meaning() {
        return meaning;
    }

    /** Rejections whose cause can go away (a number or account added later): worth replaying. */
    public boolean replayable() {
        return this == UNKNOWN_PHONE_NUMBER || this == UNKNOWN_ACCOUNT;
    }
}
