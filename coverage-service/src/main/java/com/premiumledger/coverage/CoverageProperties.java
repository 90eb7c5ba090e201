package com.premiumledger.coverage;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every coverage limit.
 *
 * @param pageSizeDefault account ids one page of {@code GET /coverage} holds when the request names no size
 * @param pageSizeMax account ids one page may hold
 * @param accountIdLengthMax characters of an account id in a request (longer ids are never issued)
 */
@Validated
@ConfigurationProperties("premium.coverage")
public record CoverageProperties(
        @Min(1) @DefaultValue("50") int pageSizeDefault,
        @Min(1) @DefaultValue("200") int pageSizeMax,
        @Min(1) @DefaultValue("100") int accountIdLengthMax) {

    public CoverageProperties {
        // A default the maximum refuses would make every request without a size fail.
        if (pageSizeDefault > pageSizeMax) {
            throw new IllegalArgumentException("premium.coverage.page-size-default (" + pageSizeDefault
                    + ") exceeds premium.coverage.page-size-max (" + pageSizeMax + ")");
        }
    }

    /** Defaults, for tests that build parts without Spring. */
    public static CoverageProperties defaults() {
        return new CoverageProperties(50, 200, 100);
    }
}
