package com.premiumledger.coverage.lifecycle;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The coverage rules per program, validated at start-up. A program is added by configuration alone.
 *
 * @param programs grace rule per program code (the {@code program} of AccountOpened)
 * @param decisionStepsMax status changes one billing event or closed day may cause in a row (a lagging account
 *     can catch up several, e.g. GRACE then SUSPENDED); more means the rules loop, which is a bug
 * @param daySpanMax days one DayClosed may cover when looking for due time decisions (billing closes one at a
 *     time; a first close with no previous day looks back this far)
 */
@Validated
@ConfigurationProperties("premium.coverage.rules")
public record CoverageRulesProperties(
        @NotEmpty Map<String, @Valid ProgramRule> programs,
        @Min(1) @Max(32) @DefaultValue("8") int decisionStepsMax,
        @Min(1) @Max(3660) @DefaultValue("366") int daySpanMax) {

    public CoverageRulesProperties {
        // Program codes are upper case on the wire; configuration keys may have been lower-cased by binding.
        Map<String, ProgramRule> byCode = new LinkedHashMap<>();
        if (programs != null) {
            programs.forEach((code, rule) -> byCode.put(code.toUpperCase(Locale.ROOT), rule));
        }
        programs = Map.copyOf(byCode);
    }

    public Optional<ProgramRule> rule(String program) {
        return program == null ? Optional.empty() : Optional.ofNullable(programs.get(program.toUpperCase(Locale.ROOT)));
    }

    /** The defaults of coverage-service.yml, for tests that build parts without Spring. */
    public static CoverageRulesProperties defaults() {
        return new CoverageRulesProperties(Map.of(
                "APTC", new ProgramRule(ProgramRule.GraceBasis.COVERAGE_MONTHS, 3, 2,
                        ProgramRule.TerminationRule.END_OF_GRACE_MONTH_1, 0),
                "UNSUBSIDIZED", new ProgramRule(ProgramRule.GraceBasis.DAYS_AFTER_DUE_DATE, 30, 0,
                        ProgramRule.TerminationRule.LAST_FULLY_PAID_MONTH, 0)), 8, 366);
    }
}
