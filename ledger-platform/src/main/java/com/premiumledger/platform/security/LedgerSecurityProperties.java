package com.premiumledger.platform.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * HTTP Basic users and their roles (SERVICE: commands; OPERATOR: calendar and operations; AUDITOR:
 * read-only queries). Passwords are given as Spring Security encoded strings ({@code {bcrypt}...}) or,
 * for the local stack only, {@code {noop}...}.
 */
@Validated
@ConfigurationProperties("premium.security")
public record LedgerSecurityProperties(@NotEmpty List<@Valid User> users) {

    public record User(@NotBlank String username, @NotBlank String password, @NotEmpty List<String> roles) {
    }
}
