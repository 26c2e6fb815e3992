package com.wapi.analytics.readers.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.readers.ParseResult;
import com.wapi.analytics.readers.Rejection;
import com.wapi.analytics.readers.facts.AccountEventFact;
import com.wapi.analytics.readers.facts.Fact;
import com.wapi.analytics.readers.facts.InboundMessageFact;
import com.wapi.analytics.readers.facts.MessageStatusFact;
import com.wapi.analytics.readers.facts.TemplateEventFact;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Payload shapes of Meta's documentation (docs/meta-webhooks.md): statuses, inbound messages, template and account updates. */
class MetaWebhookParserTests {

    static final String PHONE = "106540352242922";
    static final String WABA = "102290129340398";
    static final Instant RECEIVED = Instant.parse("2026-11-24T10:00:00Z");

    final MetaWebhookParser parser = new MetaWebhookParser();
    final Router router = new Router() {
        @Override
        public Optional<String> workspaceOfPhoneNumber(String phoneNumberId) {
            return Optional.ofNullable(Map.of(PHONE, "ws-1").get(phoneNumberId));
        }

        @Override
        public List<String> workspacesOfAccount(String wabaId) {
            return WABA.equals(wabaId) ? List.of("ws-1", "ws-2") : List.of();
        }
    };

    static String messages(String value) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"%s","changes":[{"value":{
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"%s"},
                %s},"field":"messages"}]}]}""".formatted(WABA, PHONE, value);
    }

    static String account(String field, String value) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"%s","time":1751247548,"changes":[{"value":%s,
                "field":"%s"}]}]}""".formatted(WABA, value, field);
    }

    ParseResult.Parsed parsed(String body) {
        ParseResult result = parser.parse(body.getBytes(StandardCharsets.UTF_8), router, RECEIVED);
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return (ParseResult.Parsed) result;
    }

    /** The facts of a body all of whose items are read. */
    List<Fact> facts(String body) {
        ParseResult.Parsed parsed = parsed(body);
        assertThat(parsed.rejected()).isEmpty();
        return parsed.facts();
    }

    /** The rejection of the whole body, or of its only item. */
    ParseResult.Rejected rejected(String body) {
        ParseResult result = parser.parse(body.getBytes(StandardCharsets.UTF_8), router, RECEIVED);
        if (result instanceof ParseResult.Parsed parsed) {
            assertThat(parsed.facts()).isEmpty();
            assertThat(parsed.rejected()).hasSize(1);
            return parsed.rejected().get(0);
        }
        return (ParseResult.Rejected) result;
    }

    @Test
    void sentStatusWithPricingAndConversation() {
        MessageStatusFact s = (MessageStatusFact) facts(messages("""
                "statuses":[{"id":"wamid.A","status":"sent","timestamp":"1750030073","recipient_id":"16505551234",
                "conversation":{"id":"72b14d6bd5407799e66f64d1b338e567","expiration_timestamp":"1750116480","origin":{"type":"marketing"}},
                "pricing":{"billable":true,"pricing_model":"PMP","type":"regular","category":"marketing"}}]""")).get(0);
        assertThat(s.workspaceId()).isEqualTo("ws-1");
        assertThat(s.wamid()).isEqualTo("wamid.A");
        assertThat(s.status()).isEqualTo("sent");
        assertThat(s.eventTime()).isEqualTo(Instant.ofEpochSecond(1750030073));
        assertThat(s.contactId()).isEqualTo("16505551234");
        assertThat(s.phoneNumberId()).isEqualTo(PHONE);
        assertThat(s.pricingCategory()).isEqualTo("marketing");
        assertThat(s.pricingType()).isEqualTo("regular");
        assertThat(s.pricingModel()).isEqualTo("PMP");
        assertThat(s.billable()).isTrue();
        assertThat(s.conversationId()).isEqualTo("72b14d6bd5407799e66f64d1b338e567");
        assertThat(s.conversationOrigin()).isEqualTo("marketing");
        assertThat(s.errorCode()).isZero();
    }

    @Test
    void batchOfStatusesBecomesOneFactEach() {
        List<Fact> facts = facts(messages("""
                "statuses":[{"id":"wamid.A","status":"read","timestamp":"1750030080","recipient_id":"1"},
                {"id":"wamid.A","status":"delivered","timestamp":"1750030075","recipient_id":"1"},
                {"id":"wamid.B","status":"delivered","timestamp":"1750030075","recipient_id":"2"}]"""));
        assertThat(facts).hasSize(3).allMatch(f -> f instanceof MessageStatusFact);
        assertThat(facts).extracting(f -> ((MessageStatusFact) f).naturalKey())
                .containsExactly("wamid.A/read", "wamid.A/delivered", "wamid.B/delivered");
    }

    @Test
    void failedStatusesCarryMetaErrors() {
        for (int code : new int[] {131049, 131047, 131026, 131050, 130472}) {
            MessageStatusFact s = (MessageStatusFact) facts(messages("""
                    "statuses":[{"id":"wamid.F","status":"failed","timestamp":"1751142888","recipient_id":"16505551234",
                    "errors":[{"code":%d,"title":"Title %d","message":"Title %d",
                    "error_data":{"details":"Details %d"},"href":"/documentation/business-messaging/whatsapp/support/error-codes"}]}]"""
                    .formatted(code, code, code, code))).get(0);
            assertThat(s.status()).isEqualTo("failed");
            assertThat(s.errorCode()).isEqualTo(code);
            assertThat(s.errorTitle()).isEqualTo("Title " + code);
            assertThat(s.errorMessage()).isEqualTo("Title " + code);
            assertThat(s.errorDetails()).isEqualTo("Details " + code);
            assertThat(s.errorSubcode()).isZero();
        }
    }

    @Test
    void unknownFutureStatusAndUsernameUsersAreKept() {
        MessageStatusFact s = (MessageStatusFact) facts(messages("""
                "statuses":[{"id":"wamid.V","status":"played","timestamp":"1750030073","recipient_user_id":"US.13491208655302741918"}]"""))
                .get(0);
        assertThat(s.status()).isEqualTo("played");
        assertThat(s.contactId()).isEqualTo("US.13491208655302741918");
        assertThat(s.recipientUserId()).isEqualTo("US.13491208655302741918");
    }

    @Test
    void inboundTextReplyingToABusinessMessage() {
        InboundMessageFact m = (InboundMessageFact) facts(messages("""
                "contacts":[{"profile":{"name":"Sheena Nelson"},"wa_id":"16505551234"}],
                "messages":[{"context":{"from":"15550783881","id":"wamid.BIZ"},"from":"16505551234","id":"wamid.IN",
                "timestamp":"1749416383","type":"text","text":{"body":"Does it come in another color? ✨ مرحبا"}}]""")).get(0);
        assertThat(m.contactId()).isEqualTo("16505551234");
        assertThat(m.profileName()).isEqualTo("Sheena Nelson");
        assertThat(m.contextWamid()).isEqualTo("wamid.BIZ");
        assertThat(m.messageType()).isEqualTo("text");
        assertThat(m.textBody()).isEqualTo("Does it come in another color? ✨ مرحبا");
        assertThat(m.eventTime()).isEqualTo(Instant.ofEpochSecond(1749416383));
    }

    @Test
    void interactiveAndButtonRepliesAndReferrals() {
        InboundMessageFact button = (InboundMessageFact) facts(messages("""
                "contacts":[{"profile":{"name":"A"},"wa_id":"1"}],"messages":[{"context":{"from":"1555","id":"wamid.T"},
                "from":"1","id":"wamid.1","timestamp":"1750025136","type":"interactive",
                "interactive":{"type":"button_reply","button_reply":{"id":"cancel-button","title":"Cancel"}}}]""")).get(0);
        assertThat(button.interactiveType()).isEqualTo("button_reply");
        assertThat(button.interactiveReplyId()).isEqualTo("cancel-button");
        assertThat(button.interactiveReplyTitle()).isEqualTo("Cancel");

        InboundMessageFact list = (InboundMessageFact) facts(messages("""
                "messages":[{"from":"1","id":"wamid.2","timestamp":"1749854575","type":"interactive",
                "interactive":{"type":"list_reply","list_reply":{"id":"priority_express","title":"Priority Mail Express"}}}]""")).get(0);
        assertThat(list.interactiveReplyId()).isEqualTo("priority_express");

        InboundMessageFact quick = (InboundMessageFact) facts(messages("""
                "messages":[{"from":"1","id":"wamid.3","timestamp":"1750091045","type":"button",
                "button":{"payload":"Unsubscribe","text":"Unsubscribe"}}]""")).get(0);
        assertThat(quick.buttonPayload()).isEqualTo("Unsubscribe");

        InboundMessageFact ad = (InboundMessageFact) facts(messages("""
                "messages":[{"referral":{"source_url":"https://fb.me/3cr4Wqqkv","source_id":"120226305854810726",
                "source_type":"ad","ctwa_clid":"Aff-n8Z"},"from":"1","id":"wamid.4","timestamp":"1750275992",
                "text":{"body":"Can I get more info?"},"type":"text"}]""")).get(0);
        assertThat(ad.referralSourceId()).isEqualTo("120226305854810726");
        assertThat(ad.referralSourceType()).isEqualTo("ad");
        assertThat(ad.ctwaClid()).isEqualTo("Aff-n8Z");

        InboundMessageFact statusAd = (InboundMessageFact) facts(messages("""
                "messages":[{"referral":{"source_id":"1","source_type":"ad"},"from":"1","id":"wamid.5",
                "timestamp":"1750275992","type":"text","text":{"body":"hi"}}]""")).get(0);
        assertThat(statusAd.ctwaClid()).isEmpty();
    }

    @Test
    void unsupportedMessageKeepsItsErrorAndUsernameUsersWithoutPhone() {
        InboundMessageFact u = (InboundMessageFact) facts(messages("""
                "messages":[{"from":"1","id":"wamid.U","timestamp":"1750090702","type":"unsupported",
                "errors":[{"code":131051,"title":"Message type unknown"}],"unsupported":{"type":"edit"}}]""")).get(0);
        assertThat(u.errorCode()).isEqualTo(131051);

        InboundMessageFact bsuid = (InboundMessageFact) facts(messages("""
                "contacts":[{"profile":{"name":"Test User"},"user_id":"US.1410018717833190","country_code":"US"}],
                "messages":[{"from_user_id":"US.1410018717833190","id":"wamid.H","timestamp":"1779372805",
                "text":{"body":"Hey"},"type":"text"}]""")).get(0);
        assertThat(bsuid.contactId()).isEqualTo("US.1410018717833190");
        assertThat(bsuid.contactWaId()).isEmpty();
        assertThat(bsuid.profileName()).isEqualTo("Test User");
    }

    @Test
    void systemErrorsAndUnknownFieldsAreKept() {
        AccountEventFact error = (AccountEventFact) facts(messages("""
                "errors":[{"code":130429,"title":"Rate limit hit","message":"Rate limit hit",
                "error_data":{"details":"Message failed to send because there were too many messages"}}]""")).get(0);
        assertThat(error.errorCode()).isEqualTo(130429);
        assertThat(error.eventTime()).isEqualTo(RECEIVED);

        List<Fact> unknown = facts(account("business_capability_update", "{\"max_daily_conversation_per_phone\":1000}"));
        assertThat(unknown).hasSize(2).allMatch(f -> f instanceof AccountEventFact a
                && a.field().equals("business_capability_update") && a.detail().contains("1000"));
    }

    @Test
    void templateUpdatesGoToEveryWorkspaceOnTheAccount() {
        List<Fact> facts = facts(account("message_template_quality_update", """
                {"previous_quality_score":"GREEN","new_quality_score":"RED","message_template_id":806312974732579,
                "message_template_name":"welcome_template","message_template_language":"en-US"}"""));
        assertThat(facts).hasSize(2).extracting(Fact::workspaceId).containsExactly("ws-1", "ws-2");
        TemplateEventFact t = (TemplateEventFact) facts.get(0);
        assertThat(t.kind()).isEqualTo("quality");
        assertThat(t.templateId()).isEqualTo("806312974732579");
        assertThat(t.newQuality()).isEqualTo("RED");
        assertThat(t.previousQuality()).isEqualTo("GREEN");
        assertThat(t.eventTime()).isEqualTo(Instant.ofEpochSecond(1751247548));

        TemplateEventFact rejected = (TemplateEventFact) facts(account("message_template_status_update", """
                {"event":"REJECTED","message_template_id":1689556908129835,"message_template_name":"abandoned_cart",
                "message_template_language":"en","reason":"INVALID_FORMAT","message_template_category":"MARKETING",
                "rejection_info":{"reason":"Parameters next to each other","recommendation":"Separate them"}}""")).get(0);
        assertThat(rejected.event()).isEqualTo("REJECTED");
        assertThat(rejected.reason()).isEqualTo("INVALID_FORMAT");
        assertThat(rejected.detail()).isEqualTo("Parameters next to each other");

        TemplateEventFact paused = (TemplateEventFact) facts(account("message_template_status_update", """
                {"event":"PAUSED","message_template_id":1,"message_template_name":"summer_sale","reason":"NONE",
                "other_info":{"title":"FIRST_PAUSE","description":"x"}}""")).get(0);
        assertThat(paused.detail()).isEqualTo("FIRST_PAUSE");
    }

    @Test
    void phoneQualityAccountUpdatesAndMarketingOptOuts() {
        AccountEventFact quality = (AccountEventFact) facts(account("phone_number_quality_update", """
                {"display_phone_number":"15550783881","event":"THROUGHPUT_UPGRADE","current_limit":"TIER_UNLIMITED"}""")).get(0);
        assertThat(quality.event()).isEqualTo("THROUGHPUT_UPGRADE");
        assertThat(quality.detail()).contains("TIER_UNLIMITED");

        AccountEventFact update = (AccountEventFact) facts(account("account_update", """
                {"volume_tier_info":{"tier":"25000001:50000000"},"event":"VOLUME_BASED_PRICING_TIER_UPDATE"}""")).get(0);
        assertThat(update.event()).isEqualTo("VOLUME_BASED_PRICING_TIER_UPDATE");

        AccountEventFact stop = (AccountEventFact) facts("""
                {"object":"whatsapp_business_account","entry":[{"id":"%s","changes":[{"value":{"messaging_product":"whatsapp",
                "metadata":{"phone_number_id":"%s"},"contacts":[{"wa_id":"16505551234"}],"user_preferences":[{"wa_id":"16505551234",
                "detail":"User requested to stop marketing messages","category":"marketing_messages","value":"stop",
                "timestamp":1731705721}]},"field":"user_preferences"}]}]}""".formatted(WABA, PHONE)).get(0);
        assertThat(stop.workspaceId()).isEqualTo("ws-1");
        assertThat(stop.event()).isEqualTo("stop");
    }

    @Test
    void rejectionsNameTheFix() {
        assertThat(rejected(messages("\"statuses\":[]").replace(PHONE, "999")).reason()).isEqualTo(Rejection.UNKNOWN_PHONE_NUMBER);
        assertThat(rejected(messages("\"statuses\":[]").replace(PHONE, "999")).detail())
                .contains("unknown phone_number_id 999", "scripts/wapi phone add");
        assertThat(rejected(account("message_template_quality_update", "{\"message_template_id\":1}").replace(WABA, "777"))
                .reason()).isEqualTo(Rejection.UNKNOWN_ACCOUNT);
        assertThat(rejected("{\"object\":\"whatsapp_business_account\",\"entry\":[").reason()).isEqualTo(Rejection.BAD_JSON);
        assertThat(rejected("[1,2]").reason()).isEqualTo(Rejection.NOT_AN_OBJECT);
        assertThat(rejected("{\"object\":\"page\",\"entry\":[]}").detail()).contains("whatsapp_business_account");
        assertThat(rejected(messages("\"statuses\":[{\"id\":\"w\",\"status\":\"sent\",\"timestamp\":\"yesterday\"}]")).detail())
                .contains("entry[0].changes[0].value.statuses[0].timestamp", "Unix seconds");
        assertThat(rejected(messages("\"statuses\":[{\"status\":\"sent\",\"timestamp\":\"1750030073\"}]")).reason())
                .isEqualTo(Rejection.MISSING_FIELD);
        assertThat(rejected("[".repeat(100) + "]".repeat(100)).reason()).isEqualTo(Rejection.TOO_DEEP);
    }

    @Test
    void oneChangeForAnUnknownNumberCostsOnlyItself() {
        String body = """
                {"object":"whatsapp_business_account","entry":[{"id":"%s","changes":[
                {"value":{"metadata":{"phone_number_id":"%s"},"statuses":[{"id":"w1","status":"sent","timestamp":"1750030073"}]},"field":"messages"},
                {"value":{"metadata":{"phone_number_id":"999"},"statuses":[{"id":"w2","status":"sent","timestamp":"1750030073"}]},"field":"messages"}
                ]}]}""".formatted(WABA, PHONE);
        ParseResult.Parsed parsed = parsed(body);
        assertThat(parsed.facts()).extracting(f -> ((MessageStatusFact) f).wamid()).containsExactly("w1");
        assertThat(parsed.rejected()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(Rejection.UNKNOWN_PHONE_NUMBER);
            assertThat(r.path()).isEqualTo("entry[0].changes[1]");
        });
    }
}
