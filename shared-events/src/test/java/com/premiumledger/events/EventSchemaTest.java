package com.premiumledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.ValidationMessage;
import java.io.File;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every registered event type has a JSON Schema that accepts what EventJson writes and nothing looser. */
class EventSchemaTest {

    /** The fields that may be null, per type; everything else is required. */
    private static final Map<String, Set<String>> NULLABLE = Map.ofEntries(
            Map.entry("com.premiumledger.billing.AccountOpened.v2",
                    Set.of("email", "phone", "mailingAddress", "noticePreference")),
            Map.entry("com.premiumledger.billing.AutopayEnrolled.v1", Set.of("businessDate")),
            Map.entry("com.premiumledger.billing.AutopayCancelled.v1", Set.of("businessDate")),
            Map.entry("com.premiumledger.billing.AutopayFailed.v1", Set.of()),
            Map.entry("com.premiumledger.billing.BillIssued.v2", Set.of()),
            Map.entry("com.premiumledger.billing.PaymentApplied.v1", Set.of()),
            Map.entry("com.premiumledger.billing.PaymentMissed.v1", Set.of()),
            Map.entry("com.premiumledger.billing.DayClosed.v1", Set.of("previousDate")),
            Map.entry("com.premiumledger.billing.CreditApplied.v1", Set.of()),
            Map.entry("com.premiumledger.billing.PaymentReversalApplied.v1", Set.of()),
            Map.entry("com.premiumledger.billing.CreditRefunded.v1", Set.of()),
            Map.entry("com.premiumledger.billing.RefundRejected.v1", Set.of()),
            Map.entry("com.premiumledger.payments.PaymentRecorded.v1",
                    Set.of("cardBrand", "lastFour", "reference", "idempotencyKey")),
            Map.entry("com.premiumledger.payments.UnappliedPaymentReceived.v1",
                    Set.of("cardBrand", "lastFour", "reference")),
            Map.entry("com.premiumledger.payments.PaymentAssigned.v1", Set.of("note")),
            Map.entry("com.premiumledger.payments.PaymentReversed.v1", Set.of("accountId")),
            Map.entry("com.premiumledger.payments.RefundRequested.v1", Set.of()),
            Map.entry("com.premiumledger.payments.RefundReleased.v1", Set.of()),
            Map.entry("com.premiumledger.coverage.CoverageStatusChanged.v2", Set.of("program", "fromStatus",
                    "graceStart", "graceEnd", "paidThroughDate", "terminationEffectiveDate")),
            Map.entry("com.premiumledger.coverage.CoveragePaidThroughChanged.v1", Set.of(
                    "previousPaidThroughDate", "paidThroughDate")),
            Map.entry("com.premiumledger.notices.NoticeIssued.v1", Set.of("payByDate")));

    static Stream<String> types() {
        return Samples.types().stream();
    }

    @Test
    void everyRegisteredTypeHasASchemaFileAndEverySchemaFileARegisteredType() throws URISyntaxException {
        for (String type : Samples.types()) {
            assertThat(Schemas.class.getResource(Schemas.resource(type))).as(type).isNotNull();
        }
        // A schema of an older version stays (old records on the log still carry it) only while an
        // upcaster leads from it to a registered type.
        File dir = new File(Schemas.class.getResource("/schemas").toURI());
        for (String file : dir.list()) {
            assertThat(file).endsWith(".json");
            String type = file.substring(0, file.length() - ".json".length());
            assertThat(EventTypes.classOf(EventJson.currentType(type))).as(file + " is a registered type")
                    .isPresent();
        }
        assertThat(NULLABLE.keySet()).containsExactlyInAnyOrderElementsOf(Samples.types());
    }

    @ParameterizedTest
    @MethodSource("types")
    void schemaIsAValidDraft202012SchemaWithIdTitleAndDescriptions(String type) {
        JsonNode schema = Schemas.node(type);
        JsonSchema metaSchema = Schemas.FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012));
        assertThat(metaSchema.validate(schema)).as(type).isEmpty();

        assertThat(schema.path("$schema").asText()).isEqualTo(SchemaId.V202012);
        assertThat(schema.path("$id").asText()).endsWith("/" + type + ".json");
        assertThat(schema.path("title").asText()).startsWith(EventTypes.simpleName(type));
        assertThat(schema.path("description").asText()).isNotBlank();
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
        schema.path("properties").properties().forEach(field ->
                assertThat(field.getValue().path("description").asText()).as(type + "." + field.getKey())
                        .isNotBlank());
    }

    /** The schema lists exactly the record's components, typed as Jackson writes them. */
    @ParameterizedTest
    @MethodSource("types")
    void schemaMatchesTheRecordComponents(String type) {
        Class<? extends LedgerEvent> eventClass = EventTypes.classOf(type).orElseThrow();
        JsonNode schema = Schemas.node(type);
        assertObjectSchemaMatches(type, schema, eventClass, NULLABLE.get(type));
        String allocationList = eventClass == PaymentApplied.class ? "allocations"
                : eventClass == PaymentReversalApplied.class ? "reopened" : null;
        if (allocationList != null) {
            JsonNode allocations = schema.path("properties").path(allocationList);
            assertThat(allocations.path("type").asText()).isEqualTo("array");
            assertThat(allocations.path("items").path("$ref").asText()).isEqualTo("#/$defs/BillAllocation");
            assertObjectSchemaMatches(type + "#BillAllocation", schema.path("$defs").path("BillAllocation"),
                    BillAllocation.class, Set.of());
        }
    }

    /** The whole schema of the type a (possibly nested) name like {@code <type>#Part} belongs to. */
    private static JsonNode schemaRoot(String name) {
        return Schemas.node(name.split("#")[0]);
    }

    private static void assertObjectSchemaMatches(String name, JsonNode schema, Class<?> recordClass,
                                                  Set<String> nullable) {
        RecordComponent[] components = recordClass.getRecordComponents();
        List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
        List<String> properties = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        assertThat(properties).as(name + " properties").containsExactlyElementsOf(names);

        List<String> required = new ArrayList<>();
        schema.path("required").forEach(node -> required.add(node.asText()));
        assertThat(required).as(name + " required")
                .containsExactlyElementsOf(names.stream().filter(n -> !nullable.contains(n)).toList());

        for (RecordComponent component : components) {
            String field = component.getName();
            JsonNode property = schema.path("properties").path(field);
            Set<String> types = new HashSet<>();
            if (property.path("type").isArray()) {
                property.path("type").forEach(node -> types.add(node.asText()));
            } else {
                types.add(property.path("type").asText());
            }
            boolean isNullable = nullable.contains(field);
            assertThat(types.contains("null")).as(name + "." + field + " nullable").isEqualTo(isNullable);
            Class<?> javaType = component.getType();
            if (javaType == String.class) {
                assertThat(types).as(name + "." + field).contains("string");
            } else if (javaType == LocalDate.class) {
                assertThat(types).as(name + "." + field).contains("string");
                assertThat(property.path("format").asText()).as(name + "." + field).isEqualTo("date");
            } else if (javaType == long.class) {
                assertThat(types).as(name + "." + field).containsExactly("integer");
                assertThat(field).as(name + "." + field + " is an amount").endsWith("Cents");
                assertThat(property.path("minimum").asLong(-1)).as(name + "." + field).isZero();
            } else if (javaType == List.class) {
                assertThat(types).as(name + "." + field).containsExactly("array");
            } else if (javaType == MailingAddress.class) {
                assertThat(types).as(name + "." + field).contains("object");
                assertThat(property.path("$ref").asText()).isEqualTo("#/$defs/MailingAddress");
                JsonNode definition = schemaRoot(name).path("$defs").path("MailingAddress");
                assertThat(definition.path("description").asText()).isNotBlank();
                assertObjectSchemaMatches(name + "#MailingAddress", definition, MailingAddress.class,
                        Set.of("line2"));
            } else {
                throw new AssertionError(name + "." + field + ": no schema rule for " + javaType);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void everySampleSerializedByEventJsonValidates(String type) {
        for (LedgerEvent sample : Samples.of(type)) {
            JsonNode payload = Schemas.json(sample);
            assertThat(Schemas.validate(type, payload)).as(payload.toString()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void nullableFieldsAreWrittenAsNullAndStillValidate(String type) {
        for (LedgerEvent sample : Samples.of(type)) {
            JsonNode payload = Schemas.json(sample);
            // Jackson writes every component, null ones included.
            assertThat(iterable(payload.fieldNames())).containsExactlyElementsOf(
                    Arrays.stream(sample.getClass().getRecordComponents()).map(RecordComponent::getName).toList());
        }
        for (String field : NULLABLE.get(type)) {
            assertThat(Samples.of(type).stream().map(Schemas::json).anyMatch(json -> json.get(field).isNull()))
                    .as("a sample of " + type + " has " + field + " null").isTrue();
            assertThat(Samples.of(type).stream().map(Schemas::json).anyMatch(json -> !json.get(field).isNull()))
                    .as("a sample of " + type + " has " + field + " set").isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void aPayloadMissingARequiredFieldFails(String type) {
        LedgerEvent sample = Samples.of(type).get(0);
        for (JsonNode field : Schemas.node(type).path("required")) {
            ObjectNode payload = (ObjectNode) Schemas.json(sample);
            payload.remove(field.asText());
            assertThat(Schemas.validate(type, payload)).as("without " + field.asText())
                    .extracting(ValidationMessage::getType).contains("required");
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void aRequiredFieldSetToNullFails(String type) {
        LedgerEvent sample = Samples.of(type).get(0);
        for (JsonNode field : Schemas.node(type).path("required")) {
            ObjectNode payload = (ObjectNode) Schemas.json(sample);
            payload.putNull(field.asText());
            assertThat(Schemas.validate(type, payload)).as(field.asText() + " = null").isNotEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void aNegativeAmountFails(String type) {
        LedgerEvent sample = Samples.of(type).get(0);
        List<String> amounts = new ArrayList<>();
        Schemas.json(sample).fieldNames().forEachRemaining(name -> {
            if (name.endsWith("Cents")) {
                amounts.add(name);
            }
        });
        for (String amount : amounts) {
            ObjectNode payload = (ObjectNode) Schemas.json(sample);
            payload.put(amount, -1);
            assertThat(Schemas.validate(type, payload)).as(amount + " = -1")
                    .extracting(ValidationMessage::getType).contains("minimum");
        }
        if (!amounts.isEmpty()) {
            ObjectNode payload = (ObjectNode) Schemas.json(sample);
            payload.put(amounts.get(0), 12.5);
            assertThat(Schemas.validate(type, payload)).as("fractional cents").isNotEmpty();
        }
    }

    @Test
    void aNegativeAllocationFails() {
        String type = EventTypes.typeOf(PaymentApplied.class);
        ObjectNode payload = (ObjectNode) Schemas.json(Samples.of(type).get(0));
        ((ObjectNode) ((ArrayNode) payload.get("allocations")).get(1)).put("billOpenAfterCents", -5);
        assertThat(Schemas.validate(type, payload)).extracting(ValidationMessage::getType).contains("minimum");

        ObjectNode missing = (ObjectNode) Schemas.json(Samples.of(type).get(0));
        ((ObjectNode) ((ArrayNode) missing.get("allocations")).get(0)).remove("billId");
        assertThat(Schemas.validate(type, missing)).extracting(ValidationMessage::getType).contains("required");
    }

    @Test
    void aNegativeReopenedAllocationFails() {
        String type = EventTypes.typeOf(PaymentReversalApplied.class);
        ObjectNode payload = (ObjectNode) Schemas.json(Samples.of(type).get(0));
        ((ObjectNode) ((ArrayNode) payload.get("reopened")).get(1)).put("amountCents", -5);
        assertThat(Schemas.validate(type, payload)).extracting(ValidationMessage::getType).contains("minimum");

        ObjectNode extra = (ObjectNode) Schemas.json(Samples.of(type).get(0));
        ((ObjectNode) ((ArrayNode) extra.get("reopened")).get(0)).put("surprise", "x");
        assertThat(Schemas.validate(type, extra)).extracting(ValidationMessage::getType)
                .contains("additionalProperties");
    }

    @ParameterizedTest
    @MethodSource("types")
    void anUnknownFieldFails(String type) {
        ObjectNode payload = (ObjectNode) Schemas.json(Samples.of(type).get(0));
        payload.put("surprise", "x");
        assertThat(Schemas.validate(type, payload)).extracting(ValidationMessage::getType)
                .contains("additionalProperties");
    }

    @Test
    void datesMustBeIsoStrings() {
        String type = EventTypes.typeOf(BillIssued.class);
        ObjectNode slashes = (ObjectNode) Schemas.json(Samples.of(type).get(0));
        slashes.put("dueDate", "2026/12/23");
        assertThat(Schemas.validate(type, slashes)).isNotEmpty();

        ObjectNode impossible = (ObjectNode) Schemas.json(Samples.of(type).get(0));
        impossible.put("dueDate", "2026-02-30");
        assertThat(Schemas.validate(type, impossible)).isNotEmpty();

        ObjectNode array = (ObjectNode) Schemas.json(Samples.of(type).get(0));
        array.putArray("dueDate").add(2026).add(12).add(23);
        assertThat(Schemas.validate(type, array)).isNotEmpty();

        ObjectNode month = (ObjectNode) Schemas.json(Samples.of(type).get(0));
        month.put("coverageMonth", "2027-13");
        assertThat(Schemas.validate(type, month)).isNotEmpty();
    }

    @Test
    void paymentMethodsChannelsAndCardDataAreConstrained() {
        String type = EventTypes.typeOf(PaymentRecorded.class);
        ObjectNode method = (ObjectNode) Schemas.json(Samples.of(type).get(0));
        method.put("method", "BITCOIN");
        assertThat(Schemas.validate(type, method)).isNotEmpty();

        ObjectNode channel = (ObjectNode) Schemas.json(Samples.of(type).get(0));
        channel.put("channel", "FAX");
        assertThat(Schemas.validate(type, channel)).isNotEmpty();

        ObjectNode fullNumber = (ObjectNode) Schemas.json(Samples.of(type).get(0));
        fullNumber.put("lastFour", "4242424242424242");
        assertThat(Schemas.validate(type, fullNumber)).isNotEmpty();
    }

    /**
     * Every payment method, payment channel, card brand and reversal reason takes only its listed codes.
     * (A notice's channel is another, open code list.)
     */
    @ParameterizedTest
    @MethodSource("types")
    void paymentCodesRefuseUnknownCodes(String type) {
        if (EventTypes.classOf(type).orElseThrow() == NoticeIssued.class) {
            return;
        }
        Map<String, String> bad = Map.of("method", "BITCOIN", "channel", "FAX", "cardBrand", "DINERS");
        for (LedgerEvent sample : Samples.of(type)) {
            ObjectNode written = (ObjectNode) Schemas.json(sample);
            List<String> coded = new ArrayList<>(bad.keySet());
            if (sample instanceof PaymentReversed || sample instanceof PaymentReversalApplied) {
                coded.add("reason");
            }
            for (String field : coded) {
                if (!written.has(field)) {
                    continue;
                }
                ObjectNode payload = written.deepCopy();
                payload.put(field, bad.getOrDefault(field, "INSUFFICIENT_KARMA"));
                assertThat(Schemas.validate(type, payload)).as(type + "." + field).isNotEmpty();
                payload.put(field, written.path(field).asText().toLowerCase());
                if (!written.path(field).isNull()) {
                    assertThat(Schemas.validate(type, payload)).as(type + "." + field + " lower case")
                            .isNotEmpty();
                }
            }
        }
    }

    @Test
    void contactDetailsAreConstrained() {
        String type = EventTypes.typeOf(AccountOpened.class);
        LedgerEvent withContact = Samples.of(type).get(1);
        assertThat(Schemas.validate(type, Schemas.json(withContact))).isEmpty();
        Map<String, String> badPhones = Map.of("local number", "6175550123", "letters", "+1617CALLNOW",
                "leading zero", "+0617555012", "too long", "+1234567890123456");
        badPhones.forEach((why, phone) -> {
            ObjectNode payload = (ObjectNode) Schemas.json(withContact);
            payload.put("phone", phone);
            assertThat(Schemas.validate(type, payload)).as("phone " + why).isNotEmpty();
        });
        ObjectNode preference = (ObjectNode) Schemas.json(withContact);
        preference.put("noticePreference", "PIGEON");
        assertThat(Schemas.validate(type, preference)).isNotEmpty();
        Map<String, String> badAddress = Map.of("state", "Mass", "postalCode", "0210", "line1", "");
        badAddress.forEach((field, value) -> {
            ObjectNode payload = (ObjectNode) Schemas.json(withContact);
            ((ObjectNode) payload.get("mailingAddress")).put(field, value);
            assertThat(Schemas.validate(type, payload)).as("mailingAddress." + field).isNotEmpty();
        });
        ObjectNode zipPlusFour = (ObjectNode) Schemas.json(withContact);
        ((ObjectNode) zipPlusFour.get("mailingAddress")).put("postalCode", "02108-1234");
        assertThat(Schemas.validate(type, zipPlusFour)).isEmpty();
        ObjectNode missingCity = (ObjectNode) Schemas.json(withContact);
        ((ObjectNode) missingCity.get("mailingAddress")).remove("city");
        assertThat(Schemas.validate(type, missingCity)).extracting(ValidationMessage::getType).contains("required");
        ObjectNode notAnObject = (ObjectNode) Schemas.json(withContact);
        notAnObject.put("mailingAddress", "1 Main St, Springfield MA");
        assertThat(Schemas.validate(type, notAnObject)).isNotEmpty();
    }

    @Test
    void autopayCarriesOnlyTheLastFourDigits() {
        String type = EventTypes.typeOf(AutopayEnrolled.class);
        ObjectNode fullNumber = (ObjectNode) Schemas.json(Samples.of(type).get(0));
        fullNumber.put("lastFour", "4242424242424242");
        assertThat(Schemas.validate(type, fullNumber)).isNotEmpty();
        ObjectNode check = (ObjectNode) Schemas.json(Samples.of(type).get(0));
        check.put("method", "CHECK");
        assertThat(Schemas.validate(type, check)).isNotEmpty();
    }

    @Test
    void unappliedPaymentsCarryNoFullCardNumber() {
        String type = EventTypes.typeOf(UnappliedPaymentReceived.class);
        for (LedgerEvent sample : Samples.of(type)) {
            ObjectNode fullNumber = (ObjectNode) Schemas.json(sample);
            fullNumber.put("lastFour", "5454545454545454");
            assertThat(Schemas.validate(type, fullNumber)).isNotEmpty();
        }
    }

    private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }
}
