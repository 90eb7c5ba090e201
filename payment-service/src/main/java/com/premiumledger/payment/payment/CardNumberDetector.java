package com.premiumledger.payment.payment;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Finds what looks like a full card or bank account number: 13 to 19 digits in a row (card numbers' lengths),
 * possibly grouped by spaces or dashes. A longer run is caught too, because it contains such a run.
 * Such a value must never be stored, logged or echoed, so callers only ever learn "yes" or "no".
 *
 * <p>UUID-shaped values (8-4-4-4-12 hex) are skipped first: ids and idempotency keys are often UUIDs, a
 * random one has a 13-digit run across its dashes a few times in a hundred, and no card is written that way.
 */
public final class CardNumberDetector {

    private static final Pattern FULL_NUMBER = Pattern.compile("\\d(?:[ -]*\\d){12,}");
    private static final Pattern UUID_SHAPED = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private CardNumberDetector() {
    }

    public static boolean looksLikeFullNumber(String value) {
        return value != null && FULL_NUMBER.matcher(UUID_SHAPED.matcher(value).replaceAll("#")).find();
    }

    /**
     * Checks a raw JSON body before anything binds or logs it: its text as sent, and then every name and
     * scalar value as decoded, so that escapes like {@code \u0034} cannot hide digits. A body that is not
     * valid JSON is only checked as text; binding it fails later without echoing it.
     */
    public static boolean jsonContainsFullNumber(String json) {
        return looksLikeFullNumber(json) || decodedTokensContainFullNumber(json);
    }

    private static boolean decodedTokensContainFullNumber(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if ((token.isScalarValue() || token == JsonToken.FIELD_NAME)
                        && looksLikeFullNumber(parser.getText())) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
